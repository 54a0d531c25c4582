import type { ChildProcess } from 'node:child_process';
import { RuntimeError, rebuildError, TimeoutError, ValueError } from '../errors.js';
import { KeyboardInterrupt } from '../interrupt.js';
import { sleep } from '../time/sleep.js';
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

/** One chunk of calls: consecutive argument lists, sent to one worker in one message. */
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
  /** Why queued work can no longer run (the pool terminated, or every worker died). */
  #stopped: Error | undefined;
  /** The pool's module, as a URL a child can import (compiled first under a test runner). */
  readonly #module: Promise<string | null>;
  readonly #running = new Set<Promise<unknown>>();
  readonly #processes: number;
  #lastId = 0;
  #closed = false;

  constructor(processes: number = cpuCount(), options: PoolOptions = {}) {
    if (!Number.isInteger(processes) || processes < 1) {
      throw new ValueError(`Number of processes must be at least 1, got ${processes}`);
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
      channel?.once('exit', (_code, signal) => {
        const { task } = worker;
        worker.task = undefined;
        this.#workers.splice(this.#workers.indexOf(worker), 1);
        // Ctrl-C (SIGINT to the process group) or a kill (SIGTERM) stops the task as Python's
        // KeyboardInterrupt would: a stop asked for, not a worker that failed.
        const stopped = signal === 'SIGINT' || signal === 'SIGTERM';
        task?.settle({
          mc: 'result',
          id: task.id,
          error: stopped
            ? new KeyboardInterrupt(signal)
            : new RuntimeError(`pool worker ${process.name} died (exitcode ${process.exitcode})`),
        });
        // With no worker left, the work still queued would never run: it fails the same way.
        if (this.#workers.length === 0) {
          this.#failQueued(
            stopped
              ? new KeyboardInterrupt(signal)
              : new RuntimeError(`every pool worker died (the last, ${process.name})`),
          );
        }
      });
      this.#workers.push(worker);
    }
    // Each worker imports the pool's module as soon as it has booted, while the program prepares
    // its work (a forked Python worker has it already): the first task does not wait for it.
    this.#module.then(
      (runnable) => {
        if (runnable === null) return;
        for (const { channel } of this.#workers) {
          const child = channel();
          // A worker terminated meanwhile misses it: no error to report.
          if (child?.connected) child.send({ mc: 'preload', module: runnable }, () => undefined);
        }
      },
      () => undefined,
    );
  }

  /**
   * Calls `fn(item)` for every item in the workers and resolves to the results in item order.
   * Twin of `map(func, iterable, chunksize)`. `fn` is found by its name in the pool's module. As
   * Python's, it waits for every call to end before it fails, with the first error that came
   * back. The items go to the workers in chunks of `chunksize` consecutive items, one message each
   * way per chunk, as Python sends them; by default `ceil(n / (4 * processes))`, Python's default.
   * A chunk stops at its first error, which is then every call's of that chunk.
   *
   * @throws the first error a call threw; RuntimeError after `close()` or `terminate()`;
   *   ValueError for a chunksize that is not a positive integer.
   */
  map<A, R>(fn: (item: A) => R, items: Iterable<A>, chunksize?: number): Promise<Awaited<R>[]> {
    if (chunksize !== undefined && !(Number.isInteger(chunksize) && chunksize >= 1)) {
      return Promise.reject(new ValueError(`Chunksize must be 1+, not ${chunksize}`));
    }
    return this.#submit(
      fn,
      () => [...items].map((item) => [item]),
      async (calls) => {
        let firstError: { error: unknown } | undefined;
        for (const call of calls) {
          call.catch((error: unknown) => {
            firstError ??= { error };
          });
        }
        const settled = await Promise.allSettled(calls);
        if (firstError) throw firstError.error;
        return settled.map((outcome) => (outcome as PromiseFulfilledResult<Awaited<R>>).value);
      },
      chunksize,
    );
  }

  /**
   * Calls `fn(...args)` in a worker and returns at once an `AsyncResult` whose `get()` waits for
   * the outcome. Twin of `apply_async(func, args)`.
   *
   * @example const result = pool.applyAsync(square, [4]); print(await result.get())
   * @throws RuntimeError after `close()` or `terminate()` (from `get()`).
   */
  applyAsync<A extends unknown[], R>(fn: (...args: A) => R, args: A): AsyncResult<Awaited<R>> {
    return new AsyncResult(
      this.#submit(
        fn,
        () => [args],
        ([call]) => call as Promise<Awaited<R>>,
        1,
      ),
    );
  }

  /**
   * Queues the argument lists for `fn` in chunks of `chunksize` (default: Python's for `map`), one
   * task each, and gives the calls' promises, one per argument list, to `collect`.
   */
  #submit<T>(
    fn: (...args: never[]) => unknown,
    argumentLists: () => unknown[][],
    collect: (calls: Promise<never>[]) => Promise<T>,
    chunksize?: number,
  ): Promise<T> {
    if (this.#closed) return Promise.reject(new RuntimeError('Pool not running'));
    if (!fn.name) {
      return Promise.reject(
        new TypeError('a pool function travels by name: give a named, exported function'),
      );
    }
    let encoded: unknown[];
    try {
      encoded = argumentLists().map((args) => encode(args, { allowShared: false }));
    } catch (error) {
      return Promise.reject(error);
    }
    const all = this.#module.then((module) => {
      const size = chunksize ?? defaultChunksize(encoded.length, this.#processes);
      const calls: Promise<never>[] = [];
      for (let start = 0; start < encoded.length; start += size) {
        const chunk = encoded.slice(start, start + size);
        const values = new Promise<unknown[]>((resolve, reject) => {
          this.#lastId += 1;
          this.#queue.push({
            id: this.#lastId,
            module: module ?? '',
            name: fn.name,
            chunk,
            settle: ({ value, error, errorName, errorFields }) =>
              error
                ? reject(rebuildError(error, errorName, errorFields))
                : resolve(value as unknown[]),
          });
        });
        for (let i = 0; i < chunk.length; i++) {
          calls.push(values.then((list) => decode(list[i]) as never));
        }
      }
      if (this.#stopped) this.#failQueued(this.#stopped);
      else this.#dispatch();
      return collect(calls);
    });
    // join() waits for the work given before close().
    this.#running.add(all);
    const done = () => this.#running.delete(all);
    all.then(done, done);
    return all;
  }

  /** Fails every task no worker has taken, and any submitted from now on, with `error`. */
  #failQueued(error: Error): void {
    this.#stopped ??= error;
    for (const task of this.#queue.splice(0)) {
      task.settle({ mc: 'result', id: task.id, error: this.#stopped });
    }
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

  /**
   * Stops every worker at once (SIGTERM) and waits for them to exit. Twin of `terminate()`. A
   * `map` still in flight rejects with `KeyboardInterrupt` (the stop its caller asked for), and
   * nothing is printed.
   */
  async terminate(): Promise<void> {
    this.#closed = true;
    // Work no worker has taken yet (or that is still on its way to the queue) ends with the same
    // stop as the work in flight; else join() would wait for it for ever.
    this.#failQueued(new KeyboardInterrupt('SIGTERM'));
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
    // An idle worker exits when its channel closes (a worker already gone has none to close).
    for (const worker of this.#workers) {
      const channel = worker.channel();
      if (channel?.connected) channel.disconnect();
    }
    await Promise.all([...this.#workers].map(({ process }) => process.join()));
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.terminate();
  }
}

/**
 * The outcome of `Pool.applyAsync`, twin of Python's `AsyncResult`: `get()` waits for the value
 * (or raises the call's error), `ready()` and `successful()` ask without waiting.
 *
 * @example const result = pool.applyAsync(square, [4]); await result.wait(); result.ready() // true
 */
export class AsyncResult<R> {
  readonly #outcome: Promise<R>;
  #settled: { ok: true; value: R } | { ok: false; error: unknown } | undefined;

  constructor(outcome: Promise<R>) {
    this.#outcome = outcome;
    outcome.then(
      (value) => {
        this.#settled = { ok: true, value };
      },
      (error: unknown) => {
        this.#settled = { ok: false, error };
      },
    );
  }

  /**
   * The call's value, once it has one. Twin of `get(timeout)`.
   *
   * @throws the call's error; `TimeoutError` (Python's `multiprocessing.TimeoutError`) when
   * `timeout` seconds (scaled) pass first.
   */
  async get(timeout?: number): Promise<R> {
    if (!(await this.wait(timeout))) throw new TimeoutError('the call has not ended yet');
    return this.#outcome;
  }

  /** Waits until the call ends, at most `timeout` seconds (scaled); true when it has. */
  async wait(timeout?: number): Promise<boolean> {
    const ended = this.#outcome.then(
      () => true,
      () => true,
    );
    if (timeout === undefined) return ended;
    const stop = new AbortController();
    const expired = sleep(timeout, { signal: stop.signal }).then(
      () => false,
      () => false,
    );
    const answer = await Promise.race([ended, expired]);
    stop.abort();
    return answer || this.ready();
  }

  /** True once the call has ended. Twin of `ready()`. */
  ready(): boolean {
    return this.#settled !== undefined;
  }

  /**
   * True when the call ended without an error. Twin of `successful()`.
   *
   * @throws ValueError before the call has ended, as Python's.
   */
  successful(): boolean {
    if (this.#settled === undefined) throw new ValueError('the call has not ended yet');
    return this.#settled.ok;
  }
}
