import { channel } from 'node:diagnostics_channel';
import {
  BroadcastChannel,
  getEnvironmentData,
  setEnvironmentData,
  threadId,
} from 'node:worker_threads';
import {
  startRecording,
  TRACE_DIRECTORY_VARIABLE,
  TRACE_KINDS_VARIABLE,
  traceKinds,
} from './trace-recorder.js';

// What core's threads and pools do, published on node:diagnostics_channel so that a test or a
// tracing tool can watch an example from outside, with no hook in the example's code. Publishing
// costs nothing while nobody subscribes (`hasSubscribers` is checked first).

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

const threadChannel = channel(THREAD_CHANNEL);
const taskChannel = channel(TASK_CHANNEL);

/** @internal Publishes a `ThreadEvent` if anyone listens. */
export function publishThread(phase: ThreadEvent['phase'], name: string): void {
  if (threadChannel.hasSubscribers) threadChannel.publish({ phase, name } satisfies ThreadEvent);
}

/** @internal True when a task event would reach a listener: check it before `runObserved`. */
export function observingTasks(): boolean {
  return taskChannel.hasSubscribers || forwardingToParent();
}

/** Publishes a `TaskEvent`; from a pool's worker thread, posts it to the observing thread. */
function publishTask(event: TaskEvent): void {
  if (taskChannel.hasSubscribers) taskChannel.publish(event);
  if (forwardingToParent()) forwardChannel().postMessage(event);
}

/**
 * @internal Runs `fn(...args)` between a start and an end `TaskEvent` of `executor`, on this
 * thread. A synchronous `fn` ends at once, an asynchronous one when its promise settles.
 */
export function runObserved<A extends readonly unknown[], R>(
  executor: TaskEvent['executor'],
  fn: (...args: A) => R,
  args: A,
  lane?: string,
): R {
  const event = {
    executor,
    threadId,
    args,
    name: fn.name,
    id: ++spans,
    ...(lane !== undefined ? { lane } : {}),
  };
  const end = () => publishTask({ phase: 'end', ...event });
  publishTask({ phase: 'start', ...event });
  let result: R;
  try {
    result = fn(...args);
  } catch (error) {
    end();
    throw error;
  }
  if (result instanceof Promise) return result.finally(end) as R;
  end();
  return result;
}

// The other primitives' channels. Each message of a span carries a `phase` and, where start and
// end must be paired, an `id` unique in this thread. See trace-recorder.ts for one subscriber.

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

const sleepChannel = channel(SLEEP_CHANNEL);
const lockChannel = channel(LOCK_CHANNEL);
const queueChannel = channel(QUEUE_CHANNEL);
const processChannel = channel(PROCESS_CHANNEL);
const asyncioTaskChannel = channel(ASYNCIO_TASK_CHANNEL);
const submitChannel = channel(SUBMIT_CHANNEL);
let spans = 0;

/** @internal Runs `work` between a start and an end `SleepEvent` when anyone listens. */
export function observeSleep<T>(seconds: number, work: () => Promise<T>): Promise<T> {
  if (!sleepChannel.hasSubscribers) return work();
  const event = { id: ++spans, seconds, blocking: false };
  sleepChannel.publish({ phase: 'start', ...event } satisfies SleepEvent);
  return work().finally(() => sleepChannel.publish({ phase: 'end', ...event }));
}

/** @internal Runs the blocking `work` between a start and an end `SleepEvent`. */
export function observeBlockingSleep(seconds: number, work: () => void): void {
  if (!sleepChannel.hasSubscribers) {
    work();
    return;
  }
  const event = { id: ++spans, seconds, blocking: true };
  sleepChannel.publish({ phase: 'start', ...event } satisfies SleepEvent);
  work();
  sleepChannel.publish({ phase: 'end', ...event });
}

/** @internal Publishes a `LockEvent` if anyone listens. */
export function publishLock(phase: LockEvent['phase'], lock: LockEvent['lock']): void {
  if (lockChannel.hasSubscribers) lockChannel.publish({ phase, lock } satisfies LockEvent);
}

/** @internal Runs a queue's wait between a start and an end `QueueEvent` when anyone listens. */
export function observeQueueWait<T>(
  queue: QueueEvent['queue'],
  op: QueueEvent['op'],
  work: () => Promise<T>,
): Promise<T> {
  if (!queueChannel.hasSubscribers) return work();
  const event = { id: ++spans, op, queue };
  queueChannel.publish({ phase: 'start', ...event } satisfies QueueEvent);
  return work().finally(() => queueChannel.publish({ phase: 'end', ...event }));
}

/** @internal Publishes a `ProcessEvent` if anyone listens. */
export function publishProcess(event: ProcessEvent): void {
  if (processChannel.hasSubscribers) processChannel.publish(event);
}

/** @internal Publishes an `AsyncioTaskEvent` if anyone listens. */
export function publishAsyncioTask(phase: AsyncioTaskEvent['phase'], name: string): void {
  if (asyncioTaskChannel.hasSubscribers) asyncioTaskChannel.publish({ phase, name });
}

/** @internal Publishes a `SubmitEvent` if anyone listens. */
export function publishSubmit(name: string, args: readonly unknown[]): void {
  if (submitChannel.hasSubscribers)
    submitChannel.publish({ executor: 'ProcessPoolExecutor', name, args } satisfies SubmitEvent);
}

/**
 * The lanes a recorder draws: which `Thread` is running (threading registers it), and the name of
 * this isolate's own lane (a pool's worker names itself).
 */
export const lanes: { current: () => string | undefined; own: string | undefined } = {
  current: () => undefined,
  own: undefined,
};

/**
 * Calls `listener` with every `ThreadEvent` until disposed.
 *
 * @example using _ = observeThreads((event) => events.push(event))
 */
export function observeThreads(listener: (event: ThreadEvent) => void): Disposable {
  return subscribe(THREAD_CHANNEL, listener as (message: unknown) => void);
}

/**
 * Calls `listener` with every `TaskEvent` until disposed, the tasks of `ProcessPoolExecutor`
 * included. A worker thread's diagnostics channels are its own, so while this is on, the workers
 * of pools created from now on post their task events to this thread. They arrive as messages,
 * possibly after the task's result: wait for them (`vi.waitFor`).
 *
 * @example using _ = observeTasks((event) => tasks.push(event))
 */
export function observeTasks(listener: (event: TaskEvent) => void): Disposable {
  const subscription = subscribe(TASK_CHANNEL, listener as (message: unknown) => void);
  const counter = observerCount();
  forwardChannel().onmessage = (message) => taskChannel.publish(message.data);
  Atomics.add(counter, 0, 1);
  return {
    [Symbol.dispose]() {
      subscription[Symbol.dispose]();
      if (Atomics.sub(counter, 0, 1) === 1) {
        broadcast?.close();
        broadcast = undefined;
      }
    },
  };
}

function subscribe(name: string, listener: (message: unknown) => void): Disposable {
  const observed = channel(name);
  observed.subscribe(listener);
  return { [Symbol.dispose]: () => observed.unsubscribe(listener) };
}

// Forwarding from workers: a thread that observes tasks shares its count of observers with the
// workers it starts (environment data is copied into each new worker, and a SharedArrayBuffer
// stays shared); a worker posts its events while that count is above 0.
const FORWARDING_KEY = 'mc:forward-task-events';
const inherited = getEnvironmentData(FORWARDING_KEY) as SharedArrayBuffer | undefined;
const parentObservers = inherited === undefined ? undefined : new Int32Array(inherited);
let observers: Int32Array | undefined;
let broadcast: BroadcastChannel | undefined;

function forwardingToParent(): boolean {
  return parentObservers !== undefined && Atomics.load(parentObservers, 0) > 0;
}

function observerCount(): Int32Array {
  if (observers === undefined) {
    observers = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    setEnvironmentData(FORWARDING_KEY, observers.buffer as SharedArrayBuffer);
  }
  return observers;
}

function forwardChannel(): BroadcastChannel {
  if (broadcast === undefined) {
    broadcast = new BroadcastChannel(FORWARDING_KEY);
    broadcast.unref(); // it must not keep a program or a worker alive
  }
  return broadcast;
}

// With BOOK_TRACE_DIR set (the runner's `--trace`, or its checks on every run), every process and
// worker thread records what its primitives do into a file of its own in that folder: every kind
// of span, or those BOOK_TRACE_KINDS names.
if (process.env[TRACE_DIRECTORY_VARIABLE]) {
  startRecording(
    process.env[TRACE_DIRECTORY_VARIABLE],
    traceKinds(process.env[TRACE_KINDS_VARIABLE]),
  );
}
