import { Piscina } from 'piscina';
import { RuntimeError } from '../../errors.js';
import { cpuCount } from '../../multiprocessing/cpu.js';
import { resolveWorkerModule } from '../../worker-module.js';
import { Future } from './future.js';
import type { PoolTask } from './pool-worker.js';

/**
 * A reference to a function exported by a worker module, which a `ProcessPoolExecutor` can run
 * in another thread. Functions cannot travel between threads, so the pool sends the module and
 * the export's name, as Python pickles a function by reference. Make one with `workerFunction`.
 */
export interface WorkerFunction<A extends unknown[], R> {
  readonly module: string;
  readonly exportName: string;
  /** Type-level only: the function's arguments and result. */
  readonly __signature?: (...args: A) => R;
}

/**
 * Names an exported function of a worker module so a `ProcessPoolExecutor` can run it. The
 * module should hold only what the worker needs (it is loaded in every worker).
 *
 * @example const isPrimeTask = workerFunction<typeof isPrime>(new URL('./workers/is_prime.js', import.meta.url), 'isPrime')
 */
export function workerFunction<F extends (...args: never[]) => unknown>(
  moduleUrl: URL | string,
  exportName: string,
): WorkerFunction<Parameters<F>, Awaited<ReturnType<F>>> {
  return { module: resolveWorkerModule(moduleUrl), exportName };
}

/** Options of `ProcessPoolExecutor`. */
export interface ProcessPoolOptions {
  /** How many workers run at once. Default: `cpuCount()`, as Python's. */
  maxWorkers?: number;
}

const dispatcher = resolveWorkerModule(new URL('./pool-worker.js', import.meta.url));

/**
 * Runs functions in parallel on a pool of worker threads (piscina): twin of
 * `concurrent.futures.ProcessPoolExecutor`. Each Node worker has its own JavaScript engine
 * instance and heap, and arguments and results are copied between them (structured clone, the
 * twin of pickling), so it behaves as Python's pool of processes does, with real parallelism on
 * several cores. All workers start when the pool is created. Closes like a context manager:
 * `await using` waits for every submitted task, then stops every worker.
 *
 * @example await using executor = new ProcessPoolExecutor({ maxWorkers: 2 })
 */
export class ProcessPoolExecutor implements AsyncDisposable {
  readonly maxWorkers: number;
  readonly #pool: Piscina;
  readonly #submitted = new Set<Future<unknown>>();
  #shutDown = false;

  constructor({ maxWorkers = cpuCount() }: ProcessPoolOptions = {}) {
    if (!Number.isInteger(maxWorkers) || maxWorkers < 1) {
      throw new RangeError(`maxWorkers must be a whole number of at least 1, got ${maxWorkers}`);
    }
    this.maxWorkers = maxWorkers;
    this.#pool = new Piscina({
      filename: dispatcher,
      minThreads: maxWorkers,
      maxThreads: maxWorkers,
      idleTimeout: Number.POSITIVE_INFINITY,
      // piscina would record a timing histogram on the main thread for every task; nothing reads it,
      // and on 2 cores every main-thread microsecond is taken from the workers.
      recordTiming: false,
    });
  }

  /** How many worker threads are alive now (0 after shutdown). */
  get workerCount(): number {
    return this.#pool.threads.length;
  }

  /**
   * Sends `fn(...args)` to the next free worker and returns its future.
   *
   * @throws RuntimeError after shutdown.
   */
  submit<A extends unknown[], R>(fn: WorkerFunction<A, R>, ...args: A): Future<R> {
    if (this.#shutDown) throw new RuntimeError('cannot schedule new futures after shutdown');
    const task: PoolTask = { module: fn.module, exportName: fn.exportName, args };
    const future = new Future(this.#pool.run(task) as Promise<R>);
    this.#submitted.add(future);
    future.exception().then(() => this.#submitted.delete(future));
    return future;
  }

  /**
   * Submits `fn` for every item at once and yields the results in the items' order. Twin of
   * `executor.map`.
   *
   * @example for await (const prime of executor.map(isPrimeTask, numbers)) console.log(prime)
   */
  async *map<T, R>(fn: WorkerFunction<[T], R>, items: Iterable<T>): AsyncGenerator<R> {
    const futures = [...items].map((item) => this.submit(fn, item));
    for (const future of futures) yield await future.result();
  }

  /**
   * Refuses new tasks; with `wait` (default true) lets every submitted task end first; then stops
   * every worker thread. Without `wait`, unfinished tasks are cancelled and their futures reject.
   */
  async shutdown({ wait = true }: { wait?: boolean } = {}): Promise<void> {
    this.#shutDown = true;
    if (wait) await Promise.all([...this.#submitted].map((future) => future.exception()));
    await this.#pool.destroy();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.shutdown();
  }
}
