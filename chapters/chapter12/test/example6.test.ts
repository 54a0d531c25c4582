import { exampleRunner, tookSeconds } from '@mc/testing';
import { describe, expect, it } from 'vitest';

/** The time scale of the process tests: the book's 1 s lasts 10 ms. */
const TIME_SCALE = 0.01;
const runExample = exampleRunner(import.meta.url, { timeScale: TIME_SCALE, limitSeconds: 20 });

describe('example6.py', () => {
  it('runs thread A to its end before thread B starts, 14 s in all', async () => {
    const run = await runExample('example6');
    expect(run.code).toBe(0);
    const firstB = run.lines.findIndex((line) => line.startsWith('Thread B'));
    const lastA = run.lines.findLastIndex((line) => line.startsWith('Thread A'));
    expect(lastA).toBe(5);
    expect(firstB).toBe(6);
    expect(run.lines.slice(6, 12)).toEqual([
      'Thread B is starting...',
      'Thread B waiting to acquire lock A.',
      'Thread B has acquired lock A, performing some calculation...',
      'Thread B waiting to acquire lock B.',
      'Thread B has acquired lock B, performing some calculation...',
      'Thread B releasing both locks.',
    ]);
    expect(run.lines.at(-1)).toBe('Finished.');
    expect(tookSeconds(run.lines)[0]).toBeGreaterThanOrEqual(14 * TIME_SCALE);
  });
});
