import { channel } from 'node:diagnostics_channel';
import {
  BroadcastChannel,
  getEnvironmentData,
  setEnvironmentData,
  threadId,
} from 'node:worker_threads';

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
): R {
  const event = { executor, threadId, args };
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
