import { observeThreads, signSpace } from '@mc/core';
import { captureLines, exampleRunner, tookSeconds } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { main } from '../src/example3.js';

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

  it('runs the concurrent version as threads alive at the same time, 20 of them', async () => {
    const started: number[] = [];
    let alive = 0;
    let mostAlive = 0;
    const { lines } = await captureLines(
      async () => {
        using _ = observeThreads(({ phase }) => {
          if (phase === 'start') started.push(started.length);
          alive += phase === 'start' ? 1 : -1;
          mostAlive = Math.max(mostAlive, alive);
        });
        return await main();
      },
      { timeScale: 0.05 },
    );
    expect(lines).toContain('--Concurrent version--');
    expect(started).toHaveLength(20);
    // Same time as the sequential loop, yet not sequential: the threads were started and waited
    // for the lock together (Thread-1 holds it through a 1 s pause, 50 ms, while the rest start:
    // all 20 on a quiet machine); threads run one after the other would never be two alive.
    expect(mostAlive).toBeGreaterThanOrEqual(2);
  });

  it("formats like Python's ' .2f': a space before a positive number", () => {
    expect(signSpace(12.01)).toBe(' 12.01');
    expect(signSpace(0.5)).toBe(' 0.50');
  });
});
