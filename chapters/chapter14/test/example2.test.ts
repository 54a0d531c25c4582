import { observeThreads } from '@mc/core';
import { captureLines, exampleRunner } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { main } from '../src/example2.js';
import { PAUSE_PERIODS } from '../src/example3.js';
import { finalCounter, withDraws } from './draws.js';

const runExample = exampleRunner(import.meta.url, { timeScale: 0.01, limitSeconds: 20 });

describe('example2.py', () => {
  it('loses no update under the lock, and pauses one thread at a time', async () => {
    const scale = 0.05;
    const { lines, seconds } = await withDraws(PAUSE_PERIODS, () =>
      captureLines(() => main(), { timeScale: scale }),
    );
    expect(finalCounter(lines)).toBe(20);
    // The pauses add up: at least the sum of the 12 one-second pauses (they never overlap).
    expect(seconds).toBeGreaterThanOrEqual(12 * scale);
  });

  it('runs its threads at the same time: the lock, not the start, makes them wait', async () => {
    let alive = 0;
    let mostAlive = 0;
    const { lines } = await withDraws(PAUSE_PERIODS, () =>
      captureLines(
        async () => {
          using _ = observeThreads(({ phase }) => {
            alive += phase === 'start' ? 1 : -1;
            mostAlive = Math.max(mostAlive, alive);
          });
          await main();
        },
        { timeScale: 0.05 },
      ),
    );
    expect(finalCounter(lines)).toBe(20);
    // Thread-1 holds the lock through its 1 s pause (50 ms) while the others start and queue for
    // it (a turn of the loop each: most of them, all 20 on a quiet machine); threads run one
    // after the other would never be two alive together.
    expect(mostAlive).toBeGreaterThanOrEqual(2);
  });

  it('prints Final counter: 20. with random pauses', async () => {
    const run = await runExample('example2', { timeScale: 0.02 });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Final counter: 20.\nFinished.\n');
  });
});
