import type { ChildProcess } from 'node:child_process';
import { RuntimeError } from '../errors.js';
import { decode, encode } from './codec.js';
import { cpuCount } from './cpu.js';
import { isMessage, type ResultMessage, type TaskMessage } from './messages.js';
import { mainModule, Process, poolWorker, runnableModule } from './process.js';

/** Options of a `Pool`. */
export interface PoolOptions {
  /**
   * The module that exports the functions `map` is given (they travel by name). Default: the
   * program's main script. Under a test runner, pass `import.meta.url`.
   */
  module?: string | URL;
}

/** One chunk of a `map`: consecutive items, sent to one worker in one message. */
interface Task {
  readonly id: number;
  readonly module: string;
  readonly name: string;
  /** Each call's encoded argument list. */
  readonly chunk: unknown[];
  /** Given the chunk's results (`value` an array of encoded values) or its first error. */
  readonly settle: (result: ResultMessage) => void;
}

/**
 * Python's default `chunksize` of `map`: the items split into about four chunks per worker,
 * `ceil(n / (4 * workers))`.
 */
export function defaultChunksize(items: number, workers: number): number {
  return items === 0 ? 0 : Math.ceil(items / (4 * workers));
}

interface Worker {
  readonly process: Process;
  readonly channel: () => ChildProcess | undefined;
  task: Task | undefined;
}

/**
 * A pool of worker processes, twin of Python's `multiprocessing.Pool`: `map(f, items)` calls `f` on
 * every item in the workers, in parallel, and returns the results in order. The workers are
 * forked at once and kept for every call; they are daemons named `PoolWorker-N`. Closing it
 * with `await using` terminates them, as leaving Python's `with Pool(n) as p:` does.
 *
 * @example await using pool = new Pool(2); const squares = await pool.map(square, [1, 2, 3])
 */
export class Pool {
  readonly #workers: Worker[] = [];
  readonly #queue: Task[] = [];
  /** The pool's module, as a URL a child can import (compiled first under a test runner). */
  readonly #module: Promise<string | null>;
  readonly #running = new Set<Promise<unknown>>();
  readonly #processes: number;
  #lastId = 0;
  #closed = false;

  constructor(processes: number = cpuCount(), options: PoolOptions = {}) {
    if (!Number.isInteger(processes) || processes < 1) {
      throw new RangeError(`Number of processes must be at least 1, got ${processes}`);
    }
    this.#processes = processes;
    const module = options.module === undefined ? mainModule() : String(options.module);
    this.#module = runnableModule(module);
    this.#module.catch(() => undefined);
    for (let n = 0; n < processes; n++) {
      const process = new Process({ daemon: true });
      process.name = process.name.replace('Process', 'PoolWorker');
      const worker: Worker = { process, channel: poolWorker(process), task: undefined };
      process.start();
      const channel = worker.channel();
      channel?.on('message', (message: unknown) => {
        if (!isMessage(message) || message.mc !== 'result' || worker.task?.id !== message.id)
          return;
        const { task } = worker;
        worker.task = undefined;
        task.settle(message);
        this.#dispatch();
      });
      channel?.once('exit', () => {
        const { task } = worker;
        worker.task = undefined;
        this.#workers.splice(this.#workers.indexOf(worker), 1);
        task?.settle({
          mc: 'result',
          id: task.id,
          error: new RuntimeError(
            `pool worker ${process.name} died (exitcode ${process.exitcode})`,
          ),
        });
      });
      this.#workers.push(worker);
    }
  }

  /**
   * Calls `fn(item)` for every item in the workers and resolves to the results in item order.
   * Twin of `map(func, iterable, chunksize)`. `fn` is found by its name in the pool's module. The
   * items go to the workers in chunks of `chunksize` consecutive items, one message each way per
   * chunk, as Python sends them; by default `ceil(n / (4 * processes))`, Python's default.
   *
   * @throws the first error a call threw; RuntimeError after `close()` or `terminate()`;
   *   RangeError for a chunksize that is not a positive integer.
   */
  map<A, R>(fn: (item: A) => R, items: Iterable<A>, chunksize?: number): Promise<Awaited<R>[]> {
    if (this.#closed) return Promise.reject(new RuntimeError('Pool not running'));
    if (!fn.name) {
      return Promise.reject(
        new TypeError('a pool function travels by name: give a named, exported function'),
      );
    }
    if (chunksize !== undefined && !(Number.isInteger(chunksize) && chunksize >= 1)) {
      return Promise.reject(new RangeError(`Chunksize must be 1+, not ${chunksize}`));
    }
    let args: unknown[];
    try {
      args = [...items].map((item) => encode([item], { allowShared: false }));
    } catch (error) {
      return Promise.reject(error);
    }
    const size = chunksize ?? defaultChunksize(args.length, this.#processes);
    const all = this.#module.then((module) => {
      const chunks: Promise<Awaited<R>[]>[] = [];
      for (let start = 0; start < args.length; start += size) {
        const chunk = args.slice(start, start + size);
        chunks.push(
          new Promise<Awaited<R>[]>((resolve, reject) => {
            this.#lastId += 1;
            this.#queue.push({
              id: this.#lastId,
              module: module ?? '',
              name: fn.name,
              chunk,
              settle: ({ value, error }) =>
                error
                  ? reject(error)
                  : resolve((value as unknown[]).map((one) => decode(one) as Awaited<R>)),
            });
          }),
        );
      }
      this.#dispatch();
      return Promise.all(chunks).then((lists) => lists.flat() as Awaited<R>[]);
    });
    // join() waits for the work given before close().
    this.#running.add(all);
    const done = () => this.#running.delete(all);
    all.then(done, done);
    return all;
  }

  #dispatch(): void {
    for (const worker of this.#workers) {
      const channel = worker.channel();
      if (worker.task || !channel?.connected) continue;
      const task = this.#queue.shift();
      if (!task) return;
      worker.task = task;
      channel.send({
        mc: 'task',
        id: task.id,
        module: task.module,
        name: task.name,
        chunk: task.chunk,
      } satisfies TaskMessage);
    }
  }

  /** Accepts no more work. Twin of `close()`. */
  close(): void {
    this.#closed = true;
  }

  /** Stops every worker at once (SIGTERM) and waits for them to exit. Twin of `terminate()`. */
  async terminate(): Promise<void> {
    this.#closed = true;
    for (const { process } of this.#workers) process.terminate();
    await this.join();
  }

  /**
   * Waits for the work given to finish, then for every worker to exit. Twin of `join()`.
   *
   * @throws RuntimeError unless `close()` or `terminate()` came first.
   */
  async join(): Promise<void> {
    if (!this.#closed) throw new RuntimeError('join() needs close() or terminate() first');
    await Promise.allSettled([...this.#running]);
    // An idle worker exits when its channel closes.
    for (const worker of this.#workers) worker.channel()?.disconnect();
    await Promise.all([...this.#workers].map(({ process }) => process.join()));
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.terminate();
  }
}
