import { beforeAll, describe, expect, it } from 'vitest';
import { Lock } from '../src/multiprocessing/index.js';
import { timers } from './own-timer.js';

beforeAll(() => {
  process.env.BOOK_TIME_SCALE = '0.01';
});

describe('multiprocessing Lock, its waiting line', () => {
  it('a wait that timed out behind another leaves the line: the next waiter gets the lock', async () => {
    const lock = new Lock();
    expect(await lock.acquire()).toBe(true);
    const first = lock.acquire(); // index 0 of the line, no timeout
    expect(await lock.acquire({ timeout: 0.1 })).toBe(false); // index 1, timed out
    const third = lock.acquire();
    await lock.release();
    expect(await first).toBe(true);
    await lock.release();
    // Had the timed-out wait stayed in the line, this release would have gone to it.
    expect(await third).toBe(true);
  });

  it('a timed wait woken by a release clears its time-out timer', async () => {
    const lock = new Lock();
    expect(await lock.acquire()).toBe(true);
    const before = timers();
    // Only in-process promises are awaited here: no other timer is set or fires meanwhile.
    const waiting = lock.acquire({ timeout: 1000 });
    await lock.release(); // runs after the acquire has parked, with its timer set
    expect(await waiting).toBe(true);
    expect(timers()).toBe(before);
  });
});
