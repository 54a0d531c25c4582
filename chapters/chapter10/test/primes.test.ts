import { threadId } from 'node:worker_threads';
import { observeTasks, type TaskEvent } from '@mc/core';
import { ProcessPoolExecutor } from '@mc/core/concurrent/futures';
import { exampleRunner } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { main as example6 } from '../src/example6.js';

const runExample = exampleRunner(import.meta.url, { limitSeconds: 40 });

const BIG = '9637529763296797';
const VERDICT = (x: string) => `${x} is a prime number.`;
const TOOK = /^Took \d+\.\d{2} seconds\.$/;

describe('example3.py', () => {
  it('checks the three numbers one after another, the big one exactly, and times it', async () => {
    const run = await runExample('example3', { timeScale: 1 });
    expect(run.code).toBe(0);
    expect(run.lines.slice(0, 6)).toEqual([
      `Processing ${BIG}...`,
      VERDICT(BIG),
      'Processing 427920331...',
      VERDICT('427920331'),
      'Processing 157...',
      VERDICT('157'),
    ]);
    expect(run.lines[6]).toMatch(TOOK);
    expect(run.lines).toHaveLength(7);
  });
});

describe('example4.py', () => {
  it('lets the small checks finish first on one loop, and times it', async () => {
    const run = await runExample('example4', { timeScale: 1 });
    expect(run.code).toBe(0);
    expect(run.lines.slice(0, 6)).toEqual([
      `Processing ${BIG}...`,
      'Processing 427920331...',
      VERDICT('427920331'),
      'Processing 157...',
      VERDICT('157'),
      VERDICT(BIG),
    ]);
    expect(run.lines[6]).toMatch(TOOK);
  });
});

describe('example6.py', () => {
  it('prints the six lines whole, each number processed before its verdict, the big one last', async () => {
    const run = await runExample('example6', { timeScale: 1 });
    expect(run.code).toBe(0);
    const primeLines = run.lines.slice(0, -1);
    expect([...primeLines].sort()).toEqual(
      [
        `Processing ${BIG}...`,
        'Processing 427920331...',
        'Processing 157...',
        VERDICT(BIG),
        VERDICT('427920331'),
        VERDICT('157'),
      ].sort(),
    );
    for (const x of [BIG, '427920331', '157']) {
      expect(primeLines.indexOf(`Processing ${x}...`)).toBeLessThan(primeLines.indexOf(VERDICT(x)));
    }
    expect(primeLines.at(-1)).toBe(VERDICT(BIG));
    expect(run.lines.at(-1)).toMatch(TOOK);
  });

  it('runs each check on its own worker thread: the small ones end while the big one still computes', async () => {
    const events: TaskEvent[] = [];
    // Observing first: the pool's workers learn at their start to post their task events.
    using _ = observeTasks((event) => events.push(event));
    {
      await using executor = new ProcessPoolExecutor({ maxWorkers: 3 });
      await example6(executor);
      // Worker events arrive as messages, possibly after the results: wait for all six.
      for (let i = 0; events.length < 6 && i < 500; i += 1)
        await new Promise((r) => setTimeout(r, 10));
    }
    const ends = events
      .filter((event) => event.phase === 'end')
      .map((event) => String(event.args[0]));
    expect(ends).toHaveLength(3);
    // The synchronous check never yields: on one thread the big one would end first (example3).
    expect(ends.at(-1)).toBe(BIG);
    const threads = new Set(events.map((event) => event.threadId));
    expect(threads.size).toBe(3);
    expect(threads.has(threadId)).toBe(false);
  });
});
