import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEADLOCK_CHECK_MILLISECONDS } from '../src/threading/deadlock-watch.js';
import { Lock, Thread } from '../src/threading/index.js';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Two threads, each holding one lock and waiting for the other's: a real deadlock. */
async function deadlock(lockA: Lock, lockB: Lock): Promise<Thread[]> {
  let bothHold: () => void = () => undefined;
  const holding = new Promise<void>((resolve) => {
    bothHold = resolve;
  });
  let held = 0;
  const takeBoth = (first: Lock, second: Lock) => async () => {
    await first.acquire();
    held += 1;
    if (held === 2) bothHold();
    await holding;
    await second.acquire();
  };
  const threads = [
    new Thread({ name: 'T1', target: takeBoth(lockA, lockB) }),
    new Thread({ name: 'T2', target: takeBoth(lockB, lockA) }),
  ];
  for (const thread of threads) thread.start();
  await holding;
  return threads;
}

describe('deadlock watch', () => {
  it('reports a cycle only after a whole check period in which no lock was taken or freed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const deadlocks = () => written.filter((line) => line.startsWith('Deadlock:'));
    const lockA = new Lock({ name: 'watch_a' });
    const lockB = new Lock({ name: 'watch_b' });
    const other = new Lock({ name: 'other' });
    await other.acquire();
    const threads = await deadlock(lockA, lockB);
    // The first check only takes note of how many lock operations it has seen.
    await vi.advanceTimersByTimeAsync(DEADLOCK_CHECK_MILLISECONDS);
    expect(deadlocks()).toEqual([]);
    // A lock freed elsewhere during the period: something moved, no verdict yet.
    other.release();
    await vi.advanceTimersByTimeAsync(DEADLOCK_CHECK_MILLISECONDS);
    expect(deadlocks()).toEqual([]);
    // A lock taken elsewhere: the same.
    await other.acquire();
    await vi.advanceTimersByTimeAsync(DEADLOCK_CHECK_MILLISECONDS);
    expect(deadlocks()).toEqual([]);
    // A whole quiet period: the cycle is named, once.
    await vi.advanceTimersByTimeAsync(DEADLOCK_CHECK_MILLISECONDS * 2);
    expect(deadlocks()).toEqual([
      'Deadlock: T1 holds watch_a and waits for watch_b; T2 holds watch_b and waits for watch_a\n',
    ]);
    // Broken by hand, as Python allows any thread to release: both threads end.
    lockA.release();
    lockB.release();
    other.release();
    await vi.advanceTimersByTimeAsync(0);
    for (const thread of threads) await thread.join();
  });
});
