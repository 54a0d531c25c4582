import { AsyncLocalStorage } from 'node:async_hooks';
import { lanes, publishThread } from '../diagnostics.js';
import { RuntimeError } from '../errors.js';
import { describeOperationalError } from '../operational-error.js';
import { sleep } from '../time/sleep.js';

/**
 * What a thread's error report says after its first words: the stack of a bug on the lines below,
 * or, for an error the user caused (a refused connection, say), one line after a space.
 */
function describeThreadError(error: unknown): string {
  const operational = describeOperationalError(error);
  if (operational !== undefined) return ` ${operational}`;
  return `\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}

/** Options of a `Thread`, as the keyword arguments of Python's `threading.Thread`. */
export interface ThreadOptions {
  /** Defaults to `Thread-N`, N counting every thread created in this program. */
  name?: string;
  /** The function `run` calls when the thread is not a subclass overriding `run`. */
  target?: (...args: never[]) => unknown;
  args?: readonly unknown[];
  /** A daemon thread does not keep the program alive: `runMain` ends the program without it. */
  daemon?: boolean;
}

let threadsCreated = 0;
let threadsStarted = 0;
const liveThreads = new Set<Thread>();
/** Which thread's code is running: each thread's `run`, and what it awaits, runs inside its own. */
const runningThread = new AsyncLocalStorage<Thread>();
lanes.current = () => runningThread.getStore()?.name;

/**
 * A thread of control, twin of Python's `threading.Thread`: subclass it and override `run`, or
 * pass a `target`; then `start()`, `join()`, `isAlive()`, `name`.
 *
 * Here a thread is a task on Node's one event loop, not an OS thread. That is the same lesson as
 * Python threads under the GIL: concurrency without parallelism. Threads take turns wherever one
 * waits (`await sleep`, a network reply, a lock); a thread that computes without awaiting holds
 * the loop as a Python thread holds the GIL. `await start()` runs `run` until it first blocks,
 * then returns. An error thrown by `run` is printed to stderr (`Exception in thread NAME:` and its
 * stack, or one line for an error the user caused, as `runMain` does) and kept in `exception`; it
 * does not reach `join`, as in Python.
 *
 * @example class MyThread extends Thread { override async run() { await sleep(1) } }
 */
export class Thread {
  name: string;
  daemon: boolean;
  /** What `run` threw, if it threw. */
  exception: unknown = undefined;
  /**
   * A number identifying the thread, given when it starts (1, 2, ... in start order; undefined
   * before). Twin of Python's `ident`, which is the operating system's thread identifier.
   */
  ident: number | undefined = undefined;
  readonly #target: ((...args: never[]) => unknown) | undefined;
  readonly #args: readonly unknown[];
  #finished: Promise<void> | undefined;
  #alive = false;

  constructor(options: ThreadOptions = {}) {
    threadsCreated += 1;
    this.name = options.name ?? `Thread-${threadsCreated}`;
    this.daemon = options.daemon ?? false;
    this.#target = options.target;
    this.#args = options.args ?? [];
  }

  /** The thread's work. Calls `target(...args)` unless a subclass overrides it. */
  run(): unknown {
    return this.#target?.(...(this.#args as never[]));
  }

  /**
   * Starts the thread, as Python's `start()`: `run` begins at once, and the promise returned
   * resolves once the new thread has first blocked, waiting for something not yet due (a timer,
   * I/O, a lock held elsewhere): every settled await and every zero-length wait (`sleep(0)`, a
   * 0 ms timer, `setImmediate`) it meets first has run. `await thread.start()` therefore lets the
   * new thread run until it first blocks before the caller goes on, as Python's new thread does
   * while the starting thread waits for it to start; a plain `thread.start()` goes on as soon as
   * `run` first awaits, even something already settled (a free lock).
   *
   * @example await thread1.start(); await thread2.start() // thread1 holds its lock before thread2 starts
   * @throws RuntimeError when the thread was already started.
   */
  start(): Promise<void> {
    if (this.#finished) throw new RuntimeError('threads can only be started once');
    this.#alive = true;
    threadsStarted += 1;
    this.ident = threadsStarted;
    liveThreads.add(this);
    this.#finished = runningThread.run(this, () => this.#runToEnd());
    // Settled awaits run as microtasks, before any timer; the thread's own 0 ms timers were set
    // before this one and fire first, its immediates then run before this immediate.
    return new Promise((resolve) => setTimeout(() => setImmediate(resolve), 0));
  }

  async #runToEnd(): Promise<void> {
    publishThread('start', this.name);
    let published = false;
    try {
      const running = this.run();
      // A run that computed to its end without waiting ended now, before the await resumes.
      if (!(running instanceof Promise)) {
        publishThread('end', this.name);
        published = true;
      }
      await running;
    } catch (error) {
      this.exception = error;
      process.stderr.write(`Exception in thread ${this.name}:${describeThreadError(error)}\n`);
    } finally {
      this.#alive = false;
      liveThreads.delete(this);
      if (!published) publishThread('end', this.name);
    }
  }

  /**
   * Waits until the thread ends, or until `timeout` seconds (scaled) have passed. Like Python's,
   * it returns nothing either way: check `isAlive()` to learn which.
   *
   * @throws RuntimeError when the thread was never started.
   */
  async join(timeout?: number): Promise<void> {
    if (!this.#finished) throw new RuntimeError('cannot join thread before it is started');
    if (timeout === undefined) return this.#finished;
    const stopWaiting = new AbortController();
    const expired = sleep(timeout, { signal: stopWaiting.signal }).catch(() => undefined);
    await Promise.race([this.#finished, expired]);
    stopWaiting.abort();
  }

  /** True from `start()` until `run` has ended. Twin of `is_alive()`. */
  isAlive(): boolean {
    return this.#alive;
  }

  /** As Python's `repr` of a thread: `<Thread(Thread-1, started 1)>`, `<Thread(Wife, initial)>`. */
  toString(): string {
    const state = this.#alive ? 'started' : this.#finished ? 'stopped' : 'initial';
    const daemon = this.daemon ? ' daemon' : '';
    const ident = this.ident === undefined ? '' : ` ${this.ident}`;
    return `<${this.constructor.name}(${this.name}, ${state}${daemon}${ident})>`;
  }
}

/** The program's own thread, what Python calls `MainThread`: code outside every `Thread`. */
class MainThread extends Thread {
  constructor() {
    super({ name: 'MainThread' });
    threadsCreated -= 1; // Python's main thread takes no number of the Thread-N names
    this.ident = 0;
  }

  override isAlive(): boolean {
    return true;
  }

  override toString(): string {
    return `<_MainThread(MainThread, started ${this.ident})>`;
  }
}

let mainThread: Thread | undefined;

/**
 * The thread whose code is running: the `Thread` whose `run` (or anything it awaits or starts
 * without a thread of its own) this is, otherwise the main thread, named `MainThread`. Twin of
 * Python's `threading.current_thread()`.
 *
 * @example print(`Writing being done by ${currentThread().name}.`)
 */
export function currentThread(): Thread {
  const running = runningThread.getStore();
  if (running !== undefined) return running;
  mainThread ??= new MainThread();
  return mainThread;
}

/**
 * The threads alive: the main thread, then those started and not yet ended, in start order. Twin
 * of `threading.enumerate()`.
 *
 * @example console.log(enumerateThreads().map((thread) => thread.name)) // ['MainThread', 'Thread-1']
 */
export function enumerateThreads(): Thread[] {
  mainThread ??= new MainThread();
  return [mainThread, ...liveThreads];
}

let fireAndForgetPending = 0;

/**
 * Runs `fn(...args)` as a fire-and-forget task with no handle to join: the twin of Python's
 * `_thread.start_new_thread`. The task is queued on the event loop, so it runs only once the
 * main code yields (for instance while it waits for input). Like Python's low-level threads, it
 * does not keep the program alive: when `runMain`'s main function returns, the program ends and
 * unfinished tasks are lost.
 *
 * @example startNewThread(isPrime, 193)
 */
export function startNewThread<A extends unknown[]>(fn: (...args: A) => unknown, ...args: A): void {
  fireAndForgetPending += 1;
  setImmediate(async () => {
    try {
      await fn(...args);
    } catch (error) {
      process.stderr.write(
        `Unhandled exception in thread started by ${fn.name}:${describeThreadError(error)}\n`,
      );
    } finally {
      fireAndForgetPending -= 1;
    }
  });
}

/** @internal For `runMain`: is any work still running that must not keep the program alive? */
export function daemonWorkPending(): boolean {
  return fireAndForgetPending > 0 || [...liveThreads].some((thread) => thread.daemon);
}

/** @internal For `runMain`: waits for every live non-daemon thread, as Python's exit does. */
export async function joinNonDaemonThreads(): Promise<void> {
  for (;;) {
    const waiting = [...liveThreads].filter((thread) => !thread.daemon);
    if (waiting.length === 0) return;
    await Promise.all(waiting.map((thread) => thread.join()));
  }
}
