import { Piscina } from 'piscina';
import { publishSubmit } from '../../diagnostics.js';
import { cpuCount } from '../../multiprocessing/cpu.js';
import { resolveWorkerModule } from '../../worker-module.js';
import { Executor } from './executor.js';
import type { Future } from './future.js';
import type { PoolTask, PoolWorkerData } from './pool-worker.js';

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

/** How long the first `submit` waits for the workers to be up before it sends tasks anyway. */
const startTimeoutMilliseconds = 10_000;

/** Room for the first task's module URL, which a starting worker loads before it counts itself up. */
const firstModuleBytes = 4096;

/**
 * Runs functions in parallel on a pool of worker threads (piscina): twin of
 * `concurrent.futures.ProcessPoolExecutor`. Each Node worker has its own JavaScript engine
 * instance and heap, and arguments and results are copied between them (structured clone, the
 * twin of pickling), so it behaves as Python's pool of processes does, with real parallelism on
 * several cores. The workers start booting when the pool is created, and the first `submit` waits
 * until they are up, as Python's first `submit` forks its workers. Closes like a context manager:
 * `await using` waits for every submitted task, then stops every worker.
 *
 * @example await using executor = new ProcessPoolExecutor({ maxWorkers: 2 })
 */
export class ProcessPoolExecutor extends Executor {
  readonly #pool: Piscina;
  /** Shared with every worker, see pool-worker.ts. */
  readonly #shared: PoolWorkerData = {
    started: new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT)),
    firstModule: new Uint8Array(new SharedArrayBuffer(firstModuleBytes)),
  };
  #waitedForWorkers = false;

  constructor({ maxWorkers = cpuCount() }: ProcessPoolOptions = {}) {
    super(maxWorkers);
    this.#pool = new Piscina({
      filename: dispatcher,
      workerData: this.#shared,
      minThreads: maxWorkers,
      maxThreads: maxWorkers,
      idleTimeout: Number.POSITIVE_INFINITY,
      // Each worker holds its next task while it computes the current one, so it never idles for a
      // round trip through the main thread between two tasks; Python's workers likewise take their
      // next call from a queue the pool keeps filled. A second task, not more: a worker's queued
      // tasks cannot move to another worker, and the last ones must spread evenly.
      concurrentTasksPerWorker: 2,
      // An idle worker blocks in Atomics.wait and wakes as soon as a task is posted (piscina's
      // default, named here because it matters for short tasks).
      atomics: 'sync',
      // piscina would record a timing histogram on the main thread for every task; nothing reads it,
      // and on 2 cores every main-thread microsecond is taken from the workers.
      recordTiming: false,
    });
  }

  /** How many worker threads are alive now (0 after shutdown); Python keeps them in `_processes`. */
  get workerCount(): number {
    return this.#pool.threads.length;
  }

  /**
   * Sends `fn(...args)` to the next free worker and returns its future, twin of
   * `ProcessPoolExecutor.submit`. The first call waits (blocking, at most 10 s) until every worker
   * is up, so that the tasks, not the workers' start, are what a caller times after submitting.
   *
   * @throws RuntimeError after shutdown.
   */
  submit<A extends unknown[], R>(fn: WorkerFunction<A, R>, ...args: A): Future<R> {
    publishSubmit(fn.exportName, args);
    return this.startTask(() => {
      this.#waitForWorkers(fn.module);
      const task: PoolTask = { module: fn.module, exportName: fn.exportName, args };
      return this.#pool.run(task) as Promise<R>;
    });
  }

  /**
   * Blocks (at most 10 s) until every worker is up with `fn`'s module loaded: what the first
   * `submit` does by itself. Python has no such call, and needs none: its pool starts a thread in
   * a fraction of a millisecond, a Node worker thread in tens to hundreds. Call it where a program
   * starts its clock before its pool, so that the clock counts what Python's counts (the tasks),
   * not the workers' boot.
   *
   * @example executor.waitForWorkers(countDownTask); const start = clock()
   */
  waitForWorkers(fn: Pick<WorkerFunction<never[], unknown>, 'module'>): void {
    this.#waitForWorkers(fn.module);
  }

  /**
   * Submits `fn` for every item at once and yields the results in the items' order. Twin of
   * `executor.map`.
   *
   * @example for await (const prime of executor.map(isPrimeTask, numbers)) console.log(prime)
   */
  map<T, R>(fn: WorkerFunction<[T], R>, items: Iterable<T>): AsyncGenerator<R> {
    return this.resultsInOrder([...items].map((item) => this.submit(fn, item)));
  }

  /**
   * Stops every worker thread; tasks not yet finished (only after `shutdown({ wait: false })`) are
   * cancelled and their futures reject.
   */
  protected override async stopWorkers(): Promise<void> {
    await this.#pool.destroy();
  }

  /**
   * Once: names the first task's module to the workers still starting, then blocks until every
   * worker is up. A worker thread boots on its own thread and needs nothing from this one, so
   * blocking here costs no more than the boot itself.
   */
  #waitForWorkers(firstModule: string): void {
    if (this.#waitedForWorkers) return;
    this.#waitedForWorkers = true;
    const { started } = this.#shared;
    const { read, written } = new TextEncoder().encodeInto(firstModule, this.#shared.firstModule);
    if (read === firstModule.length) Atomics.store(started, 1, written);
    const deadline = performance.now() + startTimeoutMilliseconds;
    for (;;) {
      const up = Atomics.load(started, 0);
      const left = deadline - performance.now();
      if (up >= this.maxWorkers || left <= 0) return;
      Atomics.wait(started, 0, up, left);
    }
  }
}
