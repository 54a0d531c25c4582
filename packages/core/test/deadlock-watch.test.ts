import { watchTimers } from '@mc/testing';
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

/** A fresh copy of the threading modules: the watch's state (its waits, its timer) starts empty. */
async function freshThreading() {
  vi.resetModules();
  const threading = await import('../src/threading/index.js');
  const watch = await import('../src/threading/deadlock-watch.js');
  return { ...threading, ...watch };
}

/** A promise and the function that resolves it. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

describe('deadlock watch: its first check', () => {
  it('gives no verdict at its first check even after a single lock operation', async () => {
    // One thread takes a lock, then waits for it again (a Lock is not reentrant): a cycle of one,
    // made of a single lock operation. The first check has no period behind it yet.
    const { Lock, Thread, DEADLOCK_CHECK_MILLISECONDS: period } = await freshThreading();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const lock = new Lock({ name: 'twice' });
    const thread = new Thread({
      name: 'T1',
      target: async () => {
        await lock.acquire();
        await lock.acquire();
      },
    });
    thread.start();
    await vi.advanceTimersByTimeAsync(period);
    expect(written).toEqual([]);
    await vi.advanceTimersByTimeAsync(period);
    expect(written).toEqual(['Deadlock: T1 holds twice and waits for twice\n']);
    lock.release();
    await vi.advanceTimersByTimeAsync(0);
    await thread.join();
  });
});

describe('deadlock watch: which cycle it names', () => {
  it('names only the threads of the cycle, not one waiting behind it', async () => {
    const { Lock, Thread, findCycles, describeCycle } = await freshThreading();
    const lockA = new Lock({ name: 'lock_a' });
    const lockB = new Lock({ name: 'lock_b' });
    const [t1Waits, t2Waits] = [gate(), gate()];
    /** Takes `first`, then, once `waits` opens, waits for `second`. */
    const holdThenWait = (name: string, first: Lock, second: Lock, waits: Promise<void>) =>
      new Thread({
        name,
        target: async () => {
          await first.acquire();
          await waits;
          await second.acquire();
        },
      });
    const t1 = holdThenWait('T1', lockA, lockB, t1Waits.opened);
    const t2 = holdThenWait('T2', lockB, lockA, t2Waits.opened);
    t1.start();
    t2.start();
    // T3 waits first, behind T1's lock: its wait is the first the watch looks from.
    const t3 = new Thread({ name: 'T3', target: () => lockA.acquire() });
    t3.start();
    await new Promise((resolve) => setImmediate(resolve));
    // T2 waits before T1: the cycle is found from T2, and named from T1, the lowest ident.
    t2Waits.open();
    await Promise.resolve();
    t1Waits.open();
    await new Promise((resolve) => setImmediate(resolve));
    expect(findCycles().map(describeCycle)).toEqual([
      'T1 holds lock_a and waits for lock_b; T2 holds lock_b and waits for lock_a',
    ]);
    lockA.release();
    lockB.release();
    await t1.join();
    lockA.release();
    lockB.release();
    await t2.join();
    lockA.release();
    await t3.join();
  });

  it('names a cycle of three threads, each holding the lock the one before it waits for', async () => {
    const { Lock, Thread, findCycles, describeCycle } = await freshThreading();
    const locks = ['ring_a', 'ring_b', 'ring_c'].map((name) => new Lock({ name }));
    const gates = [gate(), gate(), gate()];
    const threads = [0, 1, 2].map(
      (i) =>
        new Thread({
          name: `R${i + 1}`,
          target: async () => {
            await locks[i]?.acquire();
            await gates[i]?.opened;
            await locks[(i + 1) % 3]?.acquire();
          },
        }),
    );
    for (const thread of threads) thread.start();
    await new Promise((resolve) => setImmediate(resolve));
    // R3 waits first: the cycle is found from R3, and named from R1, the lowest ident.
    for (const { open } of gates.reverse()) open();
    await new Promise((resolve) => setImmediate(resolve));
    expect(findCycles().map(describeCycle)).toEqual([
      'R1 holds ring_a and waits for ring_b; R2 holds ring_b and waits for ring_c; R3 holds ring_c and waits for ring_a',
    ]);
    for (const lock of locks) lock.release();
    for (const thread of threads) await thread.join();
  });
});

describe('deadlock watch: its timer', () => {
  it('keeps the process alive while any thread still waits, not only the first', async () => {
    const { Lock, Thread } = await freshThreading();
    const lock = new Lock();
    // Counted among the timers this test set, not the process's: vitest's own come and go.
    const { value: whileOneWaits, pending } = await watchTimers(async (timers) => {
      await lock.acquire();
      const waiters = [1, 2].map(() => new Thread({ target: () => lock.acquire() }));
      for (const waiter of waiters) await waiter.start(); // each runs until it waits for the lock
      lock.release();
      await waiters[0]?.join();
      const whileOneWaits = await timers();
      lock.release();
      await waiters[1]?.join();
      return whileOneWaits;
    });
    // The watch's timer held the process while the second thread still waited, and only then.
    expect(whileOneWaits).toBe(1);
    expect(pending).toBe(0);
    lock.release();
  });

  it('stops looking once nobody waits: its last check sets no new timer', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { Lock, Thread, DEADLOCK_CHECK_MILLISECONDS: period } = await freshThreading();
    const lock = new Lock();
    await lock.acquire();
    const waiter = new Thread({ target: () => lock.acquire() });
    waiter.start();
    await vi.advanceTimersByTimeAsync(0);
    const whileWaiting = vi.getTimerCount();
    lock.release();
    await waiter.join();
    await vi.advanceTimersByTimeAsync(period);
    expect(vi.getTimerCount()).toBe(whileWaiting - 1);
    lock.release();
  });
});
