import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { RuntimeError } from '../src/index.js';
import { Lock, Thread } from '../src/threading/index.js';
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

  it('timed acquire succeeds when the lock is freed in time', async () => {
    const lock = new Lock();
    await lock.acquire();
    setTimeout(() => lock.release(), 5);
    expect(await lock.acquire({ timeout: 100 })).toBe(true);
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
});
