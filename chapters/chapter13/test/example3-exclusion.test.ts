import { setTimeout as pause } from 'node:timers/promises';
import { currentThread } from '@mc/core/threading';
import { describe, expect, it, vi } from 'vitest';

/** Who is inside `work()` now: readers read there, a writer writes there. */
const inside = { readers: 0, writers: 0 };
/** Moments a writer shared the text with anyone, and moments readers read together. */
const seen = { clashes: 0, readersTogether: 0, writes: 0, turns: 0 };
/** Once set, each thread parks for good at its next `work()`: the program runs for ever, as the book's. */
let stopped = false;

// The book's readers and writers work between taking the resource and giving it back: watch who
// is in there at once. Threads 1 to 3 are the readers, 4 and 5 the writers (started in that order).
vi.mock('../src/turns.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../src/turns.js')>()),
  work: async (): Promise<void> => {
    if (stopped) return new Promise<void>(() => {});
    seen.turns += 1;
    const writer = ['Thread-4', 'Thread-5'].includes(currentThread().name);
    if (writer) {
      seen.writes += 1;
      if (inside.readers + inside.writers > 0) seen.clashes += 1;
      inside.writers += 1;
    } else {
      if (inside.writers > 0) seen.clashes += 1;
      if (inside.readers > 0) seen.readersTogether += 1;
      inside.readers += 1;
    }
    await pause(Math.random() * 3);
    if (writer) inside.writers -= 1;
    else inside.readers -= 1;
  },
}));

const { main } = await import('../src/example3.js');

describe('example3.py, who is inside at once', () => {
  it('lets readers read together, and a writer write only alone', async () => {
    await main(); // starts the five threads, which loop for ever
    // So many turns, not so many seconds: a loaded machine makes them slower, not fewer.
    await vi.waitUntil(() => seen.turns >= 500, { timeout: 20_000, interval: 10 });
    stopped = true;
    expect(seen.writes).toBeGreaterThan(0);
    expect(seen.clashes).toBe(0);
    // Not one lock around everything: readers did share the text.
    expect(seen.readersTogether).toBeGreaterThan(0);
  });
});
