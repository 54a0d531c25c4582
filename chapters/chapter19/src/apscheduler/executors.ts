import { Pool } from '@mc/core/multiprocessing';

/** Where a job's function runs: APScheduler's executor. */
export interface JobExecutor {
  /** Runs the function once; settles when that run ends. */
  submit(fn: () => unknown): Promise<unknown>;
  /** Waits for nothing more than what is running, and releases what it holds. */
  shutdown(): Promise<void>;
}

/**
 * APScheduler's default executor, a pool of 10 threads, is here the event loop itself: a job is
 * a task that runs between the others' waits, as Python threads under the GIL take turns.
 */
export class EventLoopExecutor implements JobExecutor {
  submit(fn: () => unknown): Promise<unknown> {
    return Promise.resolve().then(fn);
  }

  async shutdown(): Promise<void> {}
}

/**
 * Twin of APScheduler's `'processpool'` executor (`concurrent.futures.ProcessPoolExecutor`, 10
 * processes): core's `multiprocessing.Pool`, whose workers are real OS processes with their own
 * pids, which the book prints. The job's function travels by name, so it must be exported by the
 * program's main module (or `module`).
 */
export class ProcessPoolJobExecutor implements JobExecutor {
  readonly #pool: Pool;

  constructor(maxWorkers = 10, module?: string | URL) {
    this.#pool = new Pool(maxWorkers, module === undefined ? {} : { module });
  }

  submit(fn: () => unknown): Promise<unknown> {
    return this.#pool.map(fn, [undefined]);
  }

  async shutdown(): Promise<void> {
    this.#pool.close();
    await this.#pool.join();
  }
}
