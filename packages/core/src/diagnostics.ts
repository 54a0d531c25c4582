import { channel } from 'node:diagnostics_channel';
import {
  BroadcastChannel,
  getEnvironmentData,
  setEnvironmentData,
  threadId,
} from 'node:worker_threads';
import {
  ASYNCIO_TASK_CHANNEL,
  type AsyncioTaskEvent,
  LOCK_CHANNEL,
  type LockEvent,
  PROCESS_CHANNEL,
  type ProcessEvent,
  QUEUE_CHANNEL,
  type QueueEvent,
  SLEEP_CHANNEL,
  type SleepEvent,
  SUBMIT_CHANNEL,
  type SubmitEvent,
  TASK_CHANNEL,
  type TaskEvent,
  THREAD_CHANNEL,
  type ThreadEvent,
} from './diagnostics-events.js';
import {
  startRecording,
  TRACE_DIRECTORY_VARIABLE,
  TRACE_KINDS_VARIABLE,
  traceKinds,
} from './trace-recorder.js';

export * from './diagnostics-events.js';

// What core's threads and pools do, published on node:diagnostics_channel so that a test or a
// tracing tool can watch an example from outside, with no hook in the example's code. Publishing
// costs nothing while nobody subscribes (`hasSubscribers` is checked first).

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

// The other primitives' channels (their events: diagnostics-events.ts). Each message of a span
// carries a `phase` and, where start and end must be paired, an `id` unique in this thread. See
// trace-recorder.ts for one subscriber.

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
