import { Semaphore } from 'async-mutex';
import { observingTasks, runObserved } from '../../diagnostics.js';
import { cpuCount } from '../../multiprocessing/cpu.js';
import { Executor } from './executor.js';
import type { Future } from './future.js';

/** Pools made so far: Python numbers them from 0 in its threads' names. */
let poolsCreated = 0;

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
export class ThreadPoolExecutor extends Executor {
  readonly #slots: Semaphore;
  /** Python's name for this pool's threads, `ThreadPoolExecutor-0`, then `_0`, `_1`, ... each. */
  readonly #prefix = `ThreadPoolExecutor-${poolsCreated++}`;
  /** The workers (slots) running a task now, by number: an observed task is named for the lowest free one. */
  readonly #busy = new Set<number>();

  constructor({ maxWorkers = Math.min(32, cpuCount() + 4) }: ThreadPoolOptions = {}) {
    super(maxWorkers);
    this.#slots = new Semaphore(maxWorkers);
  }

  /**
   * Schedules `fn(...args)` and returns its future, twin of `ThreadPoolExecutor.submit`. It starts
   * as soon as a worker slot is free and the submitting code yields to the event loop.
   *
   * @throws RuntimeError after shutdown.
   */
  submit<A extends unknown[], R>(fn: (...args: A) => R | Promise<R>, ...args: A): Future<R> {
    const run = observingTasks() ? () => this.#runObserved(fn, args) : () => fn(...args);
    return this.startTask(() => this.#slots.runExclusive(run));
  }

  /**
   * Submits `fn` for every item at once and yields the results in the items' order. Twin of
   * `executor.map`.
   *
   * @example for await (const factors of executor.map(factorize, numbers)) console.log(factors)
   */
  map<T, R>(fn: (item: T) => R | Promise<R>, items: Iterable<T>): AsyncGenerator<R> {
    return this.resultsInOrder([...items].map((item) => this.submit(fn, item)));
  }

  /** Runs `fn` as the lowest free worker, named as Python's thread would be, for whoever observes. */
  async #runObserved<A extends unknown[], R>(
    fn: (...args: A) => R | Promise<R>,
    args: A,
  ): Promise<R> {
    let worker = 0;
    while (this.#busy.has(worker)) worker += 1;
    this.#busy.add(worker);
    try {
      return await runObserved('ThreadPoolExecutor', fn, args, `${this.#prefix}_${worker}`);
    } finally {
      this.#busy.delete(worker);
    }
  }

  /** Nothing to stop: the tasks ran on this thread's event loop. */
  protected override async stopWorkers(): Promise<void> {}
}
