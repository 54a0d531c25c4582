import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { performance } from 'node:perf_hooks';
import { threadId } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import {
  blockingSleep,
  createTask,
  FIRST_COMPLETED,
  FIRST_EXCEPTION,
  gather,
  run,
  runInExecutor,
  sleep,
  Task,
  wait,
} from '../src/asyncio/index.js';
import {
  ProcessPoolExecutor,
  ThreadPoolExecutor,
  workerFunction,
} from '../src/concurrent/futures/index.js';
import { ASYNCIO_TASK_CHANNEL } from '../src/diagnostics-events.js';
import { RuntimeError, ValueError } from '../src/index.js';
import type {
  blockFor as blockForFunction,
  meetPeer as meetPeerFunction,
} from './fixtures/asyncio-workers.js';
import { clearsItsTimer } from './own-timer.js';

const workers = new URL('./fixtures/asyncio-workers.js', import.meta.url);
const blockFor = workerFunction<typeof blockForFunction>(workers, 'blockFor');
const meetPeer = workerFunction<typeof meetPeerFunction>(workers, 'meetPeer');

afterEach(() => {
  delete process.env.BOOK_TIME_SCALE;
});

/** A promise settled by hand, to decide in a test which task ends when. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * Counts the event loop's turns from now on: a task that does nothing but `sleep(0)`. A turn the
 * loop could not take (because a call blocked it) is a turn not counted.
 */
function countTurns(): { turns: () => number; stop: () => Promise<void> } {
  let turns = 0;
  let running = true;
  const ticker = (async () => {
    while (running) {
      await sleep(0);
      turns += 1;
    }
  })();
  return {
    turns: () => turns,
    stop: async () => {
      running = false;
      await ticker;
    },
  };
}

describe('Task and createTask', () => {
  it('is awaitable and reports done, result and exception as Python does', async () => {
    const gate = deferred<number>();
    const task = createTask(gate.promise, 'answer');
    expect(task).toBeInstanceOf(Task);
    expect(task.getName()).toBe('answer');
    expect(task.done()).toBe(false);
    expect(() => task.result()).toThrow(RuntimeError);
    gate.resolve(42);
    expect(await task).toBe(42);
    expect([task.done(), task.result(), task.exception()]).toEqual([true, 42, undefined]);
    expect(createTask(task)).toBe(task);
    expect(createTask(Promise.resolve(1)).getName()).toMatch(/^Task-\d+$/);
  });

  it('refuses result() and exception() while pending, naming the task', async () => {
    const gate = deferred<number>();
    const task = createTask(gate.promise, 'slow');
    expect(() => task.result()).toThrow(
      new RuntimeError('Result is not set: slow is still pending'),
    );
    expect(() => task.exception()).toThrow(
      new RuntimeError('Exception is not set: slow is still pending'),
    );
    gate.resolve(1);
    await task;
    expect(task.exception()).toBeUndefined();
  });

  it('keeps a failure in the task, raised only when asked for: no unhandled rejection', async () => {
    const failure = new Error('boom');
    const task = createTask(Promise.reject(failure));
    await sleep(0); // an unhandled rejection would be reported here, failing the run
    expect(task.done()).toBe(true);
    expect(task.exception()).toBe(failure);
    expect(() => task.result()).toThrow('boom');
    await expect(task).rejects.toThrow('boom');
  });
});

describe('Task, seen by a trace', () => {
  it("publishes each task's creation and end, a failed one's too, under its name", async () => {
    const events: unknown[] = [];
    const listen = (event: unknown) => events.push(event);
    subscribe(ASYNCIO_TASK_CHANNEL, listen);
    try {
      await createTask(Promise.resolve(1), 'fine');
      await createTask(Promise.reject(new Error('x')), 'failing').then(undefined, () => undefined);
    } finally {
      unsubscribe(ASYNCIO_TASK_CHANNEL, listen);
    }
    expect(events).toEqual([
      { phase: 'created', name: 'fine' },
      { phase: 'done', name: 'fine' },
      { phase: 'created', name: 'failing' },
      { phase: 'done', name: 'failing' },
    ]);
  });
});

describe('gather and wait: their error rules', () => {
  it('gather: results in the order given, whatever the order they finish in', async () => {
    const slow = sleep(0.02, 'slow');
    const fast = sleep(0, 'fast');
    expect(await gather(slow, fast, 3)).toEqual(['slow', 'fast', 3]);
  });

  it('gather: the first error rejects it at once; the others go on running', async () => {
    const other = deferred<string>();
    const otherTask = createTask(other.promise);
    const gathered = gather(otherTask, Promise.reject(new Error('first')));
    await expect(gathered).rejects.toThrow('first');
    expect(otherTask.done()).toBe(false);
    other.resolve('still ran');
    expect(await otherTask).toBe('still ran');
  });

  it('wait: never throws; a failed task is done, its error kept', async () => {
    const failing = createTask(Promise.reject(new Error('kept')));
    const fine = createTask(sleep(0, 'fine'));
    const { done, pending } = await wait([failing, fine]);
    expect(done).toEqual(new Set([failing, fine]));
    expect(pending.size).toBe(0);
    expect((failing.exception() as Error).message).toBe('kept');
  });

  it('wait: FIRST_COMPLETED, FIRST_EXCEPTION and timeout return with tasks still pending', async () => {
    const never = deferred<string>();
    const blocked = createTask(never.promise);
    const quick = createTask(sleep(0, 'quick'));
    const first = await wait([blocked, quick], { returnWhen: FIRST_COMPLETED });
    expect([first.done, first.pending]).toEqual([new Set([quick]), new Set([blocked])]);

    const failing = createTask(sleep(0).then(() => Promise.reject(new Error('x'))));
    const onError = await wait([blocked, failing], { returnWhen: FIRST_EXCEPTION });
    expect([onError.done, onError.pending]).toEqual([new Set([failing]), new Set([blocked])]);

    process.env.BOOK_TIME_SCALE = '0.01';
    const timedOut = await wait([blocked], { timeout: 1 });
    expect([timedOut.done.size, timedOut.pending]).toEqual([0, new Set([blocked])]);
    never.resolve('late');
  });

  it('wait: returning before its timeout clears the timer', async () => {
    const { done } = await clearsItsTimer(() => wait([Promise.resolve(1)], { timeout: 60 }));
    expect(done.size).toBe(1);
  });

  it('wait: FIRST_EXCEPTION does not return when a task succeeds, only when one fails', async () => {
    const quick = createTask(sleep(0, 'quick'));
    const failure = deferred<string>();
    const failing = createTask(failure.promise);
    let returned = false;
    const waiting = wait([quick, failing], { returnWhen: FIRST_EXCEPTION }).then((sets) => {
      returned = true;
      return sets;
    });
    await quick;
    await sleep(0);
    expect(returned).toBe(false);
    failure.reject(new Error('late'));
    const { done, pending } = await waiting;
    expect([done, pending.size]).toEqual([new Set([quick, failing]), 0]);
  });

  it("wait: returnWhen also takes Python's strings, 'FIRST_COMPLETED' and 'FIRST_EXCEPTION'", async () => {
    const never = deferred<string>();
    const blocked = createTask(never.promise);
    const quick = createTask(sleep(0, 'quick'));
    const first = await wait([blocked, quick], { returnWhen: 'FIRST_COMPLETED' });
    expect(first.pending).toEqual(new Set([blocked]));
    const failing = createTask(Promise.reject(new Error('x')));
    const onError = await wait([blocked, failing], { returnWhen: 'FIRST_EXCEPTION' });
    expect(onError.pending).toEqual(new Set([blocked]));
    never.resolve('late');
  });

  it('run: resolves to what main returns, and rejects with what it throws', async () => {
    expect(await run(sleep(0, 'main result'))).toBe('main result');
    await expect(run(Promise.reject(new Error('problem')))).rejects.toThrow('problem');
  });
});

describe('sleep', () => {
  it('sleep(0) is a full turn of the loop: I/O-phase callbacks run, unlike after `await null`', async () => {
    let immediateRan = false;
    setImmediate(() => {
      immediateRan = true;
    });
    await null;
    expect(immediateRan).toBe(false); // a microtask yield does not reach the loop's next phase
    await sleep(0);
    expect(immediateRan).toBe(true);
  });

  it('sleep(0) is one turn (setImmediate), not a timer: it ends before a timer set just before it', async () => {
    const order: string[] = [];
    await new Promise<void>((resolve) => {
      // From a timer callback, the loop's check phase (setImmediate) comes before the next timers.
      setTimeout(() => {
        setTimeout(() => {
          order.push('timer');
          resolve();
        }, 0);
        void sleep(0).then(() => order.push('sleep(0)'));
      }, 0);
    });
    await sleep(0);
    expect(order).toEqual(['sleep(0)', 'timer']);
  });

  it('lasts at least its scaled seconds, and refuses a negative duration', async () => {
    process.env.BOOK_TIME_SCALE = '0.05';
    const started = performance.now();
    await sleep(1);
    expect(performance.now() - started).toBeGreaterThanOrEqual(49);
    await expect(sleep(-1)).rejects.toThrow(ValueError);
  });
});

describe('blocking the loop, and moving the blocking call to an executor', () => {
  it('blockingSleep stops the whole loop: no other task takes a turn while it blocks', async () => {
    const counter = countTurns();
    await sleep(0.01); // let the counter run
    const before = counter.turns();
    expect(before).toBeGreaterThan(0);
    const started = performance.now();
    blockingSleep(0.1);
    const blockedMs = performance.now() - started;
    expect(counter.turns()).toBe(before); // not one turn in 100 ms
    expect(blockedMs).toBeGreaterThanOrEqual(99);
    await counter.stop();
  });

  it('runInExecutor with a worker pool: the loop keeps turning while the call blocks its worker', async () => {
    await using executor = new ProcessPoolExecutor({ maxWorkers: 1 });
    const counter = countTurns();
    const started = counter.turns();
    const workerThread = await runInExecutor(executor, blockFor, 0.2);
    const during = counter.turns() - started;
    await counter.stop();
    expect(workerThread).not.toBe(threadId);
    // Hundreds of turns in the usual case; even a starved loop turns more than a few times in 200 ms.
    expect(during).toBeGreaterThan(5);
  });

  it("runInExecutor with core's ThreadPoolExecutor runs on this loop: a blocking call still blocks it", async () => {
    await using executor = new ThreadPoolExecutor({ maxWorkers: 1 });
    const counter = countTurns();
    await sleep(0.01);
    const seen: number[] = [];
    await runInExecutor(executor, () => {
      seen.push(counter.turns());
      blockingSleep(0.05);
      seen.push(counter.turns());
      return threadId;
    });
    await counter.stop();
    expect(seen[1]).toBe(seen[0]);
  });

  it('CPU-bound work: tasks on one loop take turns; runInExecutor gives two to two worker threads at once', async () => {
    // Two async functions that never await: each runs to its end before the other starts.
    const events: string[] = [];
    const spin = async (name: string) => {
      events.push(`${name} start`);
      let x = 0;
      for (let i = 0; i < 1e6; i += 1) x += i;
      events.push(`${name} end`);
      return x;
    };
    await gather(createTask(spin('A')), createTask(spin('B')));
    expect(events).toEqual(['A start', 'A end', 'B start', 'B end']);

    // Through the executor, two calls are in flight at once, each on a worker thread of its own.
    // (That two such threads really compute at the same moment on two CPUs is proven for the
    // pool itself, under load, in executors.test.ts with probeOverlap: one probe at a time, since
    // two probes in parallel test files can each be kept on one core by the scheduler.)
    await using executor = new ProcessPoolExecutor({ maxWorkers: 2 });
    const shared = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
    const [a, b] = await gather(
      runInExecutor(executor, meetPeer, shared),
      runInExecutor(executor, meetPeer, shared),
    );
    expect([a.met, b.met]).toEqual([true, true]);
    expect(a.threadId).not.toBe(b.threadId);
    expect([a.threadId, b.threadId]).not.toContain(threadId);
  });
});
