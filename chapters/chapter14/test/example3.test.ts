import { signSpace } from '@mc/core';
import { exampleRunner, tookSeconds } from '@mc/testing';
import { describe, expect, it } from 'vitest';

/** The time scale of the process tests: the book's 1 s lasts 10 ms. */
const TIME_SCALE = 0.01;
const runExample = exampleRunner(import.meta.url, { timeScale: TIME_SCALE, limitSeconds: 20 });

describe('example3.py', () => {
  it("prints the book's seven lines: 20 both ways, each run at least the 12 s of pauses", async () => {
    const run = await runExample('example3');
    expect(run.code).toBe(0);
    expect(run.lines.map((line) => line.replace(/\d+\.\d\d/, 'T'))).toEqual([
      '--Sequential version--',
      'Final counter: 20.',
      'Took  T seconds.',
      '--Concurrent version--',
      'Final counter: 20.',
      'Took  T seconds.',
      'Finished.',
    ]);
    const [sequential, concurrent] = tookSeconds(run.lines);
    expect(sequential).toBeGreaterThanOrEqual(12 * TIME_SCALE);
    // The lock takes the overlap away: the threads pause one after the other too.
    expect(concurrent).toBeGreaterThanOrEqual(12 * TIME_SCALE);
  });

  it("formats like Python's ' .2f': a space before a positive number", () => {
    expect(signSpace(12.01)).toBe(' 12.01');
    expect(signSpace(0.5)).toBe(' 0.50');
  });
});
