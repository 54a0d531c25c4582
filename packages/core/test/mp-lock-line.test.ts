import { beforeAll, describe, expect, it } from 'vitest';
import { Lock } from '../src/multiprocessing/index.js';

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
});
