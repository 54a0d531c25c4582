import { captureLines, exampleRunner } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { main } from '../src/example1.js';
import { PAUSE_PERIODS } from '../src/example3.js';
import { finalCounter, withDraws } from './draws.js';

const runExample = exampleRunner(import.meta.url, { timeScale: 0.01, limitSeconds: 20 });

describe('example1.py', () => {
  it('loses the updates made while a 1 s thread paused: the seeded pauses end at 9, not 20', async () => {
    // A thread pausing 1 s writes back what it read before the pause plus one: the last of them
    // to finish (the last started) sets the final counter, 1 + the updates done before it read.
    const lastSlow = PAUSE_PERIODS.lastIndexOf(1);
    const doneBefore = PAUSE_PERIODS.slice(0, lastSlow).filter((pause) => pause === 0).length;
    expect(doneBefore + 1).toBe(9);
    // 1 s lasts 0.5 s: 20 starts take far less, as Python's do against its 1 s.
    const { lines } = await withDraws(PAUSE_PERIODS, () =>
      captureLines(() => main(), { timeScale: 0.5 }),
    );
    expect(finalCounter(lines)).toBe(9);
  });

  it('ends short of 20 with random pauses, run after run', async () => {
    const finals: number[] = [];
    for (let run = 0; run < 3; run++) {
      const { code, lines } = await runExample('example1', { timeScale: 0.2 });
      expect(code).toBe(0);
      expect(lines[1]).toBe('Finished.');
      finals.push(Number(/^Final counter: (\d+)\.$/.exec(lines[0] ?? '')?.[1]));
    }
    // 20 needs every pause but the last to be 0 s: 2 draws in 2^20.
    for (const final of finals) expect(final).toBeLessThan(20);
  });
});
