// The messages a parent and its children exchange over the IPC channel of `child_process.fork`.
// Every one carries `mc` so nothing else on the channel is taken for one of them.

/** Parent to child: what to run, and as which process. */
export interface StartMessage {
  readonly mc: 'start';
  /** A runnable JavaScript module URL, or null for a plain Process without target. */
  readonly module: string | null;
  /** The exported class of the process object, or null for core's own `Process`. */
  readonly className: string | null;
  /** The exported function `run` calls, or null. */
  readonly targetName: string | null;
  /** The encoded own fields of the process object (name, daemon, a subclass's fields). */
  readonly state: unknown;
  /** The encoded target arguments. */
  readonly args: unknown;
  /** Python's `_identity`: the serial numbers from the main process down to this one. */
  readonly identity: readonly number[];
  /** 'pool-worker' runs tasks sent by a `Pool` until it is terminated. */
  readonly role: 'process' | 'pool-worker';
}

/** Child to parent: an operation on a queue or lock the parent holds. */
export interface RequestMessage {
  readonly mc: 'request';
  readonly id: number;
  /** The shared object's number in the parent's broker. */
  readonly target: number;
  readonly op: string;
  readonly args: readonly unknown[];
}

/** Parent to child: the answer to a `RequestMessage`. */
export interface ReplyMessage {
  readonly mc: 'reply';
  readonly id: number;
  readonly value?: unknown;
  readonly error?: Error;
  /** The error's class name, which structured cloning loses for core's own errors. */
  readonly errorName?: string;
}

/** Pool to pool worker: call `name` of `module` once with each argument list of `chunk`, in order. */
export interface TaskMessage {
  readonly mc: 'task';
  readonly id: number;
  readonly module: string;
  readonly name: string;
  readonly chunk: readonly unknown[];
}

/** Pool worker to pool: what the task's calls returned (`value`, a list) or the first error. */
export interface ResultMessage {
  readonly mc: 'result';
  readonly id: number;
  readonly value?: unknown;
  readonly error?: Error;
  /** The error's class name, which structured cloning loses for core's own errors. */
  readonly errorName?: string;
  /** A system error's code, syscall and path, which structured cloning loses too. */
  readonly errorFields?: Readonly<Record<string, string | number>>;
}

/** Parent to a child forked ahead of its start: import this module now, to run from it later. */
export interface PreloadMessage {
  readonly mc: 'preload';
  readonly module: string;
}

/** Child to parent: it has loaded its module and is about to call `run` (ends `start()`'s wait). */
export interface RunningMessage {
  readonly mc: 'running';
}

export type Message =
  | StartMessage
  | PreloadMessage
  | RunningMessage
  | RequestMessage
  | ReplyMessage
  | TaskMessage
  | ResultMessage;

/** True for a message of this protocol. */
export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && 'mc' in value;
}
