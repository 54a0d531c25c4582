// The events core's primitives publish on node:diagnostics_channel, their channels' names, and the
// lanes a recording draws: what diagnostics.ts (the publishers) and trace-recorder.ts (one
// subscriber) share. Kept apart, importing nothing, so that neither of the two imports the other
// (diagnostics.ts starts the recorder; a cycle broke loading trace-recorder.js first).

/** A `Thread` started or ended (Python has no such event; `threading.settrace` comes closest). */
export interface ThreadEvent {
  readonly phase: 'start' | 'end';
  readonly name: string;
}

/** A task of an executor started or ended, and on which thread (`worker_threads.threadId`). */
export interface TaskEvent {
  readonly phase: 'start' | 'end';
  readonly executor: 'ThreadPoolExecutor' | 'ProcessPoolExecutor';
  readonly threadId: number;
  readonly args: readonly unknown[];
  /** The function's name (`isPrime`). */
  readonly name?: string;
  /** Pairs a start with its end (unique in this thread). */
  readonly id?: number;
  /**
   * The worker it ran on, where the executor's workers are no threads of their own but are named
   * as Python names them: a `ThreadPoolExecutor`'s `ThreadPoolExecutor-0_1`. A recording draws it
   * on that lane.
   */
  readonly lane?: string;
}

/** The channel of `ThreadEvent`s. */
export const THREAD_CHANNEL = 'mc:threading.thread';
/** The channel of `TaskEvent`s, on the main thread. */
export const TASK_CHANNEL = 'mc:concurrent.futures.task';

/** `sleep` (a book sleep) or `blockingSleep` waiting `seconds` (unscaled, as the program says). */
export interface SleepEvent {
  readonly phase: 'start' | 'end';
  readonly id: number;
  readonly seconds: number;
  readonly blocking: boolean;
}

/**
 * A lock waited for (`wait`), taken (`acquired`), given up on (`gave-up`: a timeout) or released,
 * by the current thread; `lock` is the lock object itself (its `name` names it).
 */
export interface LockEvent {
  readonly phase: 'wait' | 'acquired' | 'gave-up' | 'released';
  readonly lock: object & { readonly name?: string };
}

/** A `get` or `put` waiting on a queue (`queue.Queue` or `multiprocessing.Queue`). */
export interface QueueEvent {
  readonly phase: 'start' | 'end';
  readonly id: number;
  readonly op: 'get' | 'put';
  readonly queue: 'queue.Queue' | 'multiprocessing.Queue';
}

/** A child process started or exited, seen from its parent. */
export interface ProcessEvent {
  readonly phase: 'start' | 'exit';
  readonly pid: number;
  readonly name: string;
  readonly exitcode?: number | null;
}

/** An asyncio `Task` created or done. */
export interface AsyncioTaskEvent {
  readonly phase: 'created' | 'done';
  readonly name: string;
}

/** A task handed to a `ProcessPoolExecutor` (it runs later, on a worker: see `TaskEvent`). */
export interface SubmitEvent {
  readonly executor: 'ProcessPoolExecutor';
  readonly name: string;
  readonly args: readonly unknown[];
}

/** The kinds of span a recording of these events has, its `cat` (see trace-recorder.ts). */
export type SpanKind =
  | 'task'
  | 'sleep'
  | 'lock-wait'
  | 'lock-hold'
  | 'queue-wait'
  | 'io'
  | 'process';

export const SLEEP_CHANNEL = 'mc:time.sleep';
export const LOCK_CHANNEL = 'mc:threading.lock';
export const QUEUE_CHANNEL = 'mc:queue.wait';
export const PROCESS_CHANNEL = 'mc:multiprocessing.process';
export const ASYNCIO_TASK_CHANNEL = 'mc:asyncio.task';
export const SUBMIT_CHANNEL = 'mc:concurrent.futures.submit';

/**
 * The lanes a recorder draws: which `Thread` is running (threading registers it), and the name of
 * this isolate's own lane (a pool's worker names itself).
 */
export const lanes: { current: () => string | undefined; own: string | undefined } = {
  current: () => undefined,
  own: undefined,
};
