import { watchTimers } from '@mc/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { RuntimeError, ValueError } from '../src/index.js';
import { describeCycle, findCycles } from '../src/threading/deadlock-watch.js';
import { currentThread, Lock, Thread } from '../src/threading/index.js';
import { sleep } from '../src/time/index.js';

beforeAll(() => {
  vi.stubEnv('BOOK_TIME_SCALE', '0.01');
});
afterAll(() => {
  vi.unstubAllEnvs();
});

describe('Lock', () => {
  it('lets one task at a time into the critical section', async () => {
    const lock = new Lock();
    let inside = 0;
    let mostInside = 0;
    const worker = async () => {
      for (let i = 0; i < 3; i++) {
        await lock.acquire();
        inside += 1;
        mostInside = Math.max(mostInside, inside);
        await sleep(0.1);
        inside -= 1;
        lock.release();
      }
    };
    const threads = [1, 2, 3].map(() => new Thread({ target: worker }));
    for (const thread of threads) thread.start();
    for (const thread of threads) await thread.join();
    expect(mostInside).toBe(1);
  });

  it('non-blocking acquire returns false while held and true when free', async () => {
    const lock = new Lock();
    expect(await lock.acquire({ blocking: false })).toBe(true);
    expect(lock.locked()).toBe(true);
    expect(await lock.acquire({ blocking: false })).toBe(false);
    lock.release();
    expect(await lock.acquire({ blocking: false })).toBe(true);
  });

  it('timed acquire gives up with false on a lock never released', async () => {
    const lock = new Lock();
    await lock.acquire();
    expect(await lock.acquire({ timeout: 1 })).toBe(false);
    expect(lock.locked()).toBe(true);
  });

  it('timed acquire gives up once, at its deadline, and the lock is free once its holder releases it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const lock = new Lock();
      await lock.acquire();
      let result: boolean | undefined;
      // timeout 1 at time scale 0.01: 10 ms, counted once from the call.
      void lock.acquire({ timeout: 1 }).then((taken) => {
        result = taken;
      });
      await vi.advanceTimersByTimeAsync(9);
      expect(result).toBeUndefined();
      await vi.advanceTimersByTimeAsync(1);
      expect(result).toBe(false);
      // The waiter that gave up does not take the lock later.
      lock.release();
      await vi.advanceTimersByTimeAsync(1);
      expect(lock.locked()).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a blocking acquire that waited resolves true and makes its thread the holder', async () => {
    const lock = new Lock();
    await lock.acquire();
    const waiter = new Thread({ name: 'waiter', target: () => lock.acquire() });
    waiter.start();
    await sleep(0);
    lock.release();
    await waiter.join();
    expect(lock.holder).toBe(waiter);
    expect(lock.locked()).toBe(true);
    lock.release();
  });

  it('a blocking acquire that waited resolves true', async () => {
    const lock = new Lock();
    await lock.acquire();
    const taken = lock.acquire();
    lock.release();
    expect(await taken).toBe(true);
    lock.release();
  });

  it('a timed acquire that got the lock in time makes its thread the holder', async () => {
    const lock = new Lock();
    await lock.acquire();
    const waiter = new Thread({ name: 'timed', target: () => lock.acquire({ timeout: 100 }) });
    waiter.start();
    await sleep(0);
    lock.release();
    await waiter.join();
    expect(lock.holder).toBe(waiter);
    lock.release();
  });

  it('timed acquire succeeds when the lock is freed in time', async () => {
    const lock = new Lock();
    await lock.acquire();
    setTimeout(() => lock.release(), 5);
    expect(await lock.acquire({ timeout: 100 })).toBe(true);
  });

  it('raises ValueError for a timeout on a non-blocking acquire, and for a negative one, as Python', async () => {
    const lock = new Lock();
    await expect(lock.acquire({ blocking: false, timeout: 1 })).rejects.toThrow(
      new ValueError("can't specify a timeout for a non-blocking call"),
    );
    await expect(lock.acquire({ timeout: -2 })).rejects.toBeInstanceOf(ValueError);
    expect(lock.locked()).toBe(false);
  });

  it('raises RuntimeError when releasing an unlocked lock', () => {
    expect(() => new Lock().release()).toThrow(new RuntimeError('release unlocked lock'));
  });

  it('hold() releases the lock when the using block ends with an error', async () => {
    const lock = new Lock();
    const readMissingFile = async () => {
      using _held = await lock.hold();
      expect(lock.locked()).toBe(true);
      throw new Error('ENOENT');
    };
    await expect(readMissingFile()).rejects.toThrow('ENOENT');
    expect(lock.locked()).toBe(false);
  });

  it('is named Lock-N unless given a name', () => {
    expect(new Lock({ name: 'lock_a' }).name).toBe('lock_a');
    expect(new Lock().name).toMatch(/^Lock-\d+$/);
  });

  it('knows the thread that took it, until anyone releases it', async () => {
    const lock = new Lock();
    const taker = new Thread({ name: 'taker', target: () => lock.acquire() });
    taker.start();
    await taker.join();
    expect(lock.holder).toBe(taker);
    lock.release(); // by MainThread, as Python allows
    expect(lock.holder).toBeUndefined();
    await lock.acquire();
    expect(lock.holder).toBe(currentThread());
    expect(currentThread().name).toBe('MainThread');
    lock.release();
  });

  it('keeps the process alive only while a thread waits, with nothing left behind after', async () => {
    // A fresh module, so that its deadlock watch is started inside the count, not by earlier tests.
    vi.resetModules();
    const { Lock, Thread } = await import('../src/threading/index.js');
    const lock = new Lock();
    // Counted among the timers this test sets, not the process's: vitest's own come and go.
    const { value: counts, pending } = await watchTimers(async (timers) => {
      await lock.acquire();
      const uncontended = await timers(); // no timer at all
      const waiter = new Thread({ target: () => lock.acquire() });
      await waiter.start(); // it runs until it blocks, waiting for the lock
      const whileWaiting = await timers();
      lock.release();
      await waiter.join();
      return [uncontended, whileWaiting];
    });
    expect(counts).toEqual([0, 1]);
    expect(pending).toBe(0); // the watch's timer no longer keeps the process alive
    lock.release();
  });

  it('finds the cycle of threads waiting for each other, and none where the holder waits for no lock', async () => {
    const lockA = new Lock({ name: 'lock_a' });
    const lockB = new Lock({ name: 'lock_b' });
    const free = new Lock({ name: 'free' });
    const takeBoth = (first: Lock, second: Lock) => async () => {
      await first.acquire();
      await sleep(1);
      await second.acquire();
    };
    const a = new Thread({ name: 'T1', target: takeBoth(lockA, lockB) });
    const b = new Thread({ name: 'T2', target: takeBoth(lockB, lockA) });
    // A holder that sleeps, then ends holding the lock, with a waiter behind it: no cycle.
    const sleeper = new Thread({
      name: 'sleeper',
      target: () => free.acquire().then(() => sleep(1)),
    });
    const behind = new Thread({ name: 'behind', target: () => free.acquire() });
    for (const thread of [sleeper, behind, a, b]) thread.start();
    await sleep(0.5);
    expect(findCycles()).toEqual([]);
    await sleep(1.5);
    expect(findCycles().map(describeCycle)).toEqual([
      'T1 holds lock_a and waits for lock_b; T2 holds lock_b and waits for lock_a',
    ]);
    // Broken by hand (any thread may release): each waiter takes its lock and ends.
    lockB.release();
    await a.join();
    lockA.release();
    free.release();
    for (const thread of [b, behind]) await thread.join();
    expect(findCycles()).toEqual([]);
  });
});
