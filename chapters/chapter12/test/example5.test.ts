import { exampleRunner, tookSeconds } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import declaration from '../src/examples.js';

/** The time scale of the process tests: the book's 1 s lasts 10 ms. */
const TIME_SCALE = 0.01;
const runExample = exampleRunner(import.meta.url, { timeScale: TIME_SCALE, limitSeconds: 20 });

describe('example5.py', () => {
  it("prints example2's lines, then the time of A's 4 s and B's 10 s one after the other", async () => {
    const run = await runExample('example5');
    expect(run.code).toBe(0);
    const ordered = declaration.examples.find((example) => example.name === 'example5')
      ?.output?.[0];
    expect(run.stdout.startsWith(ordered as string)).toBe(true);
    expect(run.lines.slice(12)).toEqual([
      expect.stringMatching(/^Took \d+\.\d\d seconds\.$/),
      'Finished.',
    ]);
    // The sleeps it waited through, one after the other: never less than 14 book seconds.
    expect(tookSeconds(run.lines)[0]).toBeGreaterThanOrEqual(14 * TIME_SCALE);
  });
});
