import { Semaphore } from 'async-mutex';
import { observingTasks, runObserved } from '../../diagnostics.js';
import { RuntimeError } from '../../errors.js';
import { cpuCount } from '../../multiprocessing/cpu.js';
import { Future } from './future.js';

/** Options of `ThreadPoolExecutor`. */
export interface ThreadPoolOptions {
  /** How many tasks may run at once. Default, as Python's: min(32, cpuCount() + 4). */
  maxWorkers?: number;
}

/**
 * Runs functions as concurrent tasks on the event loop, at most `maxWorkers` at a time: twin of
 * `concurrent.futures.ThreadPoolExecutor`. Like Python threads under the GIL, these tasks share
 * memory and take turns; they overlap only while they wait (on the network, a timer, a lock),
 * never while they compute. For parallel computation use `ProcessPoolExecutor`. Closes like a
 * context manager: `await using` waits for every submitted task, then shuts the pool.
 *
 * @example await using executor = new ThreadPoolExecutor({ maxWorkers: 20 })
 */
export class ThreadPoolExecutor implements AsyncDisposable {
  readonly maxWorkers: number;
  readonly #slots: Semaphore;
  readonly #submitted = new Set<Future<unknown>>();
  #shutDown = false;

  constructor({ maxWorkers = Math.min(32, cpuCount() + 4) }: ThreadPoolOptions = {}) {
    if (!Number.isInteger(maxWorkers) || maxWorkers < 1) {
      throw new RangeError(`maxWorkers must be a whole number of at least 1, got ${maxWorkers}`);
    }
    this.maxWorkers = maxWorkers;
    this.#slots = new Semaphore(maxWorkers);
  }

  /**
   * Schedules `fn(...args)` and returns its future. It starts as soon as a worker slot is free and
   * the submitting code yields to the event loop.
   *
   * @throws RuntimeError after shutdown.
   */
  submit<A extends unknown[], R>(fn: (...args: A) => R | Promise<R>, ...args: A): Future<R> {
    if (this.#shutDown) throw new RuntimeError('cannot schedule new futures after shutdown');
    const run = observingTasks()
      ? () => runObserved('ThreadPoolExecutor', fn, args)
      : () => fn(...args);
    const future = new Future(this.#slots.runExclusive(run));
    this.#submitted.add(future);
    future.exception().then(() => this.#submitted.delete(future));
    return future;
  }

  /**
   * Submits `fn` for every item at once and yields the results in the items' order. Twin of
   * `executor.map`.
   *
   * @example for await (const factors of executor.map(factorize, numbers)) console.log(factors)
   */
  async *map<T, R>(fn: (item: T) => R | Promise<R>, items: Iterable<T>): AsyncGenerator<R> {
    const futures = [...items].map((item) => this.submit(fn, item));
    for (const future of futures) yield await future.result();
  }

  /**
   * Refuses new tasks; with `wait` (default true), resolves once every submitted task has ended.
   */
  async shutdown({ wait = true }: { wait?: boolean } = {}): Promise<void> {
    this.#shutDown = true;
    if (wait) await Promise.all([...this.#submitted].map((future) => future.exception()));
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.shutdown();
  }
}
