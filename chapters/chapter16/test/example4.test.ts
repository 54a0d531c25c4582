import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { captureLines } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { main, timeApproximateCounters } from '../src/example4.js';

/** Core publishes every `Lock`'s acquire and release here (`LockEvent` in core's diagnostics). */
const LOCK_CHANNEL = 'mc:threading.lock';

interface LockEvent {
  readonly phase: 'wait' | 'acquired' | 'gave-up' | 'released';
  readonly lock: object;
}

/** Runs `work` and returns what it returned and every lock event it caused, in order. */
async function watchLocks<T>(work: () => Promise<T>): Promise<{ value: T; events: LockEvent[] }> {
  const events: LockEvent[] = [];
  const listener = (message: unknown) => events.push(message as LockEvent);
  subscribe(LOCK_CHANNEL, listener);
  try {
    return { value: await work(), events };
  } finally {
    unsubscribe(LOCK_CHANNEL, listener);
  }
}

describe('example4.py', () => {
  it('counts exactly with approximate counters, and prints both series of times', async () => {
    const { lines, value } = await captureLines(main);
    const { single, approximate } = value;
    for (let n = 1; n <= 10; n++) {
      expect(lines.slice(3 * (n - 1), 3 * n)).toEqual([
        `Number of threads: ${n}`,
        `Final counter: ${100 * n}.`,
        '-'.repeat(40),
      ]);
      // Lower bounds only, which load cannot break: the single lock serialises 100n sleeps of at
      // least 1 ms; each local counter still sleeps 100 times, one after another.
      expect(single[n - 1]).toBeGreaterThanOrEqual(0.1 * n);
      expect(approximate[n - 1]).toBeGreaterThanOrEqual(0.1);
    }
    expect(lines.slice(30)).toEqual([
      `Single counter times: ${single.map((t) => t.toFixed(2)).join(', ')} seconds.`,
      `Approximate counter times: ${approximate.map((t) => t.toFixed(2)).join(', ')} seconds.`,
    ]);
  });

  // Why the approximate counters are faster, proven by the mechanism rather than by comparing two
  // times measured one after the other (on a loaded machine either can swing 2-5x): the global
  // lock is taken once per ten increments, and the ten local counters' sleeps overlap.
  it('takes the global lock once per ten increments, while ten local locks are held at once', async () => {
    const { value, events } = await watchLocks(() => timeApproximateCounters(10));
    const globalLock = value.globalCounter.lock;
    expect(value.globalCounter.value).toBe(1000);
    // example3's single counter takes its lock for each of the 1000 increments.
    const globalTaken = events.filter(
      ({ lock, phase }) => lock === globalLock && phase === 'acquired',
    );
    expect(globalTaken).toHaveLength(100);
    let held = 0;
    let mostHeld = 0;
    for (const { lock, phase } of events) {
      if (lock === globalLock) continue;
      if (phase === 'acquired') held += 1;
      if (phase === 'released') held -= 1;
      mostHeld = Math.max(mostHeld, held);
    }
    // Each local lock is held through its counter's 1 ms sleep: ten held together are ten sleeps
    // running side by side (one shared local lock, or a pool of one: 1).
    expect(mostHeld).toBe(10);
  });
});
