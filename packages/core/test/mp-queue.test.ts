import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { availableParallelism } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCK_CHANNEL, type LockEvent } from '../src/diagnostics.js';
import { ValueError } from '../src/index.js';
import { cpuCount, JoinableQueue, Lock, Process, Queue } from '../src/multiprocessing/index.js';
import { Empty } from '../src/queue/index.js';
// @ts-expect-error: a plain JavaScript fixture, loaded as it is by the children too.
import * as fixtures from './fixtures/processes.mjs';

const module = new URL('./fixtures/processes.mjs', import.meta.url).href;

beforeAll(() => {
  process.env.BOOK_TIME_SCALE = '0.01';
});

describe('multiprocessing Queue', () => {
  it('is first in, first out, and raises Empty when nothing comes', async () => {
    const queue = new Queue<number>();
    await queue.put(1);
    await queue.put(2);
    expect(await queue.qsize()).toBe(2);
    expect([await queue.get(), await queue.getNowait()]).toEqual([1, 2]);
    expect(await queue.empty()).toBe(true);
    await expect(queue.get({ block: false })).rejects.toBeInstanceOf(Empty);
    await expect(queue.get({ timeout: 1 })).rejects.toBeInstanceOf(Empty);
  });

  it('getNowait() and a non-blocking get raise Empty at once, saying the queue is empty', async () => {
    const queue = new Queue<number>();
    await expect(queue.getNowait()).rejects.toThrow(new Empty('queue is empty'));
    await expect(queue.get({ block: false })).rejects.toThrow(new Empty('queue is empty'));
  });

  it('empty() is false while an item waits', async () => {
    const queue = new Queue<number>();
    await queue.put(1);
    expect(await queue.empty()).toBe(false);
    await queue.get();
    expect(await queue.empty()).toBe(true);
  });

  it('copies items: a change after put does not reach the taker', async () => {
    const queue = new Queue<{ n: number }>();
    const item = { n: 1 };
    await queue.put(item);
    item.n = 2;
    expect(await queue.get()).toEqual({ n: 1 });
  });

  it('refuses a queue or a function inside an item (they travel only as Process arguments)', async () => {
    const queue = new Queue<unknown>();
    await expect(queue.put({ inner: new Queue() })).rejects.toThrow(/through inheritance/);
    await expect(queue.put(() => 1)).rejects.toThrow(/cannot send the function/);
  });

  it('refuses a put after close()', async () => {
    const queue = new Queue<number>();
    queue.close();
    await expect(queue.put(1)).rejects.toThrow(new ValueError('Queue is closed'));
  });
});

describe('JoinableQueue', () => {
  it('join waits until consumer processes marked every item done', async () => {
    const tasks = new JoinableQueue<number | null>();
    const results = new Queue<number>();
    const consumers = [1, 2].map(
      () => new Process({ target: fixtures.consume, args: [tasks, results], module }),
    );
    for (const consumer of consumers) consumer.start();
    for (const n of [1, 2, 3, 4, 5]) await tasks.put(n);
    for (const _ of consumers) await tasks.put(null);
    await tasks.join();
    // Each consumer puts its result before marking the task done: all five are there now.
    expect(await results.qsize()).toBe(5);
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => results.get()));
    expect(answers.sort((a, b) => a - b)).toEqual([10, 20, 30, 40, 50]);
    for (const consumer of consumers) await consumer.join();
    expect(consumers.map((consumer) => consumer.exitcode)).toEqual([0, 0]);
  });

  it('join returns at once when nothing was put, and once every item put is done', async () => {
    const queue = new JoinableQueue<number>();
    await queue.join();
    await queue.put(1);
    let joined = false;
    const joining = queue.join().then(() => {
      joined = true;
    });
    await queue.get();
    await new Promise((resolve) => setImmediate(resolve));
    expect(joined).toBe(false);
    await queue.taskDone();
    await joining;
    expect(joined).toBe(true);
  });

  it('raises ValueError on more taskDone calls than items', async () => {
    const queue = new JoinableQueue<number>();
    await queue.put(1);
    await queue.get();
    await queue.taskDone();
    await expect(queue.taskDone()).rejects.toThrow('task_done() called too many times');
  });
});

describe('a queue given to a child', () => {
  it('arrives as the class it was made as: a plain Queue has no taskDone there', async () => {
    const answers = new Queue<string>();
    const child = new Process({
      target: fixtures.queueClasses,
      args: [new Queue(), new JoinableQueue(), answers],
      module,
    });
    child.start();
    expect(await answers.get()).toBe('Queue JoinableQueue');
    await child.join();
  });

  it('joinThread waits until the holder has every item put: a child killed right after loses none', async () => {
    // A megabyte: more than the IPC pipe holds, so most of it still waits in the child when the
    // puts return; only joinThread's wait gets it all across before the child dies.
    const queue = new Queue<string>();
    const child = new Process({ target: fixtures.putManyThenDie, args: [queue, 100], module });
    child.start();
    await child.join();
    expect(child.exitcode).toBe(-9);
    expect(await queue.qsize()).toBe(100);
  });
});

describe('multiprocessing Lock', () => {
  it('makes a child wait while the parent holds it', async () => {
    const lock = new Lock();
    const answers = new Queue<boolean>();
    await lock.acquire();
    const child = new Process({ target: fixtures.tryLock, args: [lock, answers], module });
    child.start();
    expect(await answers.get()).toBe(false);
    await lock.release();
    expect(await answers.get()).toBe(true);
    await child.join();
    expect(await lock.acquire({ block: false })).toBe(true);
  });

  it('raises ValueError when released unheld, in the creator and in a child', async () => {
    await expect(new Lock().release()).rejects.toBeInstanceOf(ValueError);
    const answers = new Queue<string>();
    const child = new Process({
      target: fixtures.releaseUnheld,
      args: [new Lock(), answers],
      module,
    });
    child.start();
    expect(await answers.get()).toBe('ValueError semaphore or lock released too many times');
    await child.join();
  });
});

describe('a queue or a lock, passed on', () => {
  it.each([
    ['queue', () => new Queue()],
    ['lock', () => new Lock()],
  ])('a %s can be passed on only by the process that created it', async (kind, make) => {
    const answers = new Queue<string>();
    const child = new Process({ target: fixtures.passOn, args: [make(), answers], module });
    child.start();
    expect(await answers.get()).toBe(
      `TypeError a ${kind} can be passed on only by the process that created it`,
    );
    await child.join();
  });
});

describe('multiprocessing Lock, in the process that created it', () => {
  it('refuses a non-blocking acquire while held, and takes it once released', async () => {
    const lock = new Lock();
    expect(await lock.acquire({ block: false })).toBe(true);
    expect(await lock.acquire({ block: false })).toBe(false);
    await lock.release();
    expect(await lock.acquire({ block: false })).toBe(true);
    await lock.release();
    await expect(lock.release()).rejects.toBeInstanceOf(ValueError);
  });

  it('hands the lock to its waiters in turn, first come first served: it stays taken meanwhile', async () => {
    const lock = new Lock();
    await lock.acquire();
    const order: string[] = [];
    const first = lock.acquire().then((taken) => order.push(`first ${taken}`));
    const second = lock.acquire().then((taken) => order.push(`second ${taken}`));
    await lock.release();
    await first;
    expect(order).toEqual(['first true']);
    expect(await lock.acquire({ block: false })).toBe(false); // handed over, never free
    await lock.release();
    await second;
    expect(order).toEqual(['first true', 'second true']);
    await lock.release();
    expect(await lock.acquire({ block: false })).toBe(true);
  });

  it('a timed acquire gives up with false, and its wait leaves the line (a release then frees the lock)', async () => {
    const lock = new Lock();
    await lock.acquire();
    expect(await lock.acquire({ timeout: 0.05 })).toBe(false);
    await lock.release();
    expect(await lock.acquire({ block: false })).toBe(true);
  });

  it("a timed acquire served in time keeps no timer that would later drop another's wait", async () => {
    const lock = new Lock();
    await lock.acquire();
    const served = lock.acquire({ timeout: 1 });
    await lock.release();
    expect(await served).toBe(true);
    const parked = lock.acquire(); // waits for ever, behind the holder
    // A longer timed wait, set after the first one's timer: that timer's moment passes first.
    expect(await lock.acquire({ timeout: 2 })).toBe(false);
    await lock.release();
    expect(await lock.acquire({ block: false })).toBe(false); // handed to the wait still in line
    expect(await parked).toBe(true);
  });

  it('a child killed while it waits loses its place, and only it: the release goes to the next in line', async () => {
    const lock = new Lock();
    await lock.acquire();
    const ready = new Queue<string>();
    const child = new Process({ target: fixtures.parkOnAcquire, args: [lock, ready], module });
    child.start();
    expect(await ready.get()).toBe('parked');
    const mine = lock.acquire().then(() => 'taken'); // in line behind the child
    child.kill();
    await child.join();
    await lock.release();
    // The handover is local (no child involved): by the next turn of the loop it has happened.
    const nextTurn = new Promise((resolve) => setImmediate(() => resolve('still waiting')));
    expect(await Promise.race([mine, nextTurn])).toBe('taken'); // the child's place was dropped, not mine
    await lock.release();
    expect(await lock.acquire({ block: false })).toBe(true);
  });

  it('tells a trace when it is waited for, taken, given up on and released', async () => {
    const lock = new Lock();
    const phases: string[] = [];
    const note = (message: unknown) => {
      const event = message as LockEvent;
      if (event.lock === lock) phases.push(event.phase);
    };
    subscribe(LOCK_CHANNEL, note);
    try {
      await using _held = await lock.hold();
      expect(await lock.acquire({ timeout: 0.01 })).toBe(false);
    } finally {
      unsubscribe(LOCK_CHANNEL, note);
    }
    expect(phases).toEqual(['wait', 'acquired', 'wait', 'gave-up', 'released']);
    expect(await lock.acquire({ block: false })).toBe(true);
  });
});

describe('cpuCount', () => {
  it('answers PYTHON_CPU_COUNT when set, as Python 3.13 does, and refuses a bad value', () => {
    const saved = process.env.PYTHON_CPU_COUNT;
    try {
      process.env.PYTHON_CPU_COUNT = '7';
      expect(cpuCount()).toBe(7);
      process.env.PYTHON_CPU_COUNT = 'default';
      expect(cpuCount()).toBe(availableParallelism());
      process.env.PYTHON_CPU_COUNT = '0';
      expect(() => cpuCount()).toThrow(/PYTHON_CPU_COUNT must be a positive whole number/);
    } finally {
      if (saved === undefined) delete process.env.PYTHON_CPU_COUNT;
      else process.env.PYTHON_CPU_COUNT = saved;
    }
  });
});
