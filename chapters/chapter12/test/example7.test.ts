import { observeThreads } from '@mc/core';
import { captureLines, exampleRunner, tookSeconds } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { main } from '../src/example7.js';

/** The time scale of the process tests: the book's 1 s lasts 10 ms. */
const TIME_SCALE = 0.01;
const runExample = exampleRunner(import.meta.url, { timeScale: TIME_SCALE, limitSeconds: 20 });

const linesOf = (name: string, calculations: number) => [
  `Thread ${name} is starting...`,
  ...Array.from({ length: calculations }, () => `Thread ${name} is performing some calculation...`),
];

describe('example7.py', () => {
  it("prints each thread's lines in order, then the time and Finished.", async () => {
    const run = await runExample('example7');
    expect(run.code).toBe(0);
    // The book's order (B's lines between A's) needs B to start within A's first 2 s (20 ms here):
    // a loaded machine may stall the process longer, so the order is asserted below by mechanism.
    expect(run.lines.filter((line) => line.startsWith('Thread A'))).toEqual(linesOf('A', 2));
    expect(run.lines.filter((line) => line.startsWith('Thread B'))).toEqual(linesOf('B', 2));
    expect(run.lines.slice(6)).toEqual([
      expect.stringMatching(/^Took \d+\.\d\d seconds\.$/),
      'Finished.',
    ]);
    expect(tookSeconds(run.lines)[0]).toBeGreaterThanOrEqual(10 * TIME_SCALE);
  });

  it('sleeps both threads side by side: B starts before A ends', async () => {
    const events: string[] = [];
    await captureLines(
      async () => {
        using _ = observeThreads(({ phase, name }) => events.push(`${phase} ${name}`));
        await main();
      },
      { timeScale: TIME_SCALE },
    );
    // A's two sleeps follow one another: even a stall past the first leaves B starting during the
    // second. With the locks of example5, or joined in turn, A would end first.
    expect(events).toEqual(['start Thread-1', 'start Thread-2', 'end Thread-1', 'end Thread-2']);
  });
});
