import { captureLines, exampleRunner } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { count } from '../src/example2.js';
import { PAUSE_PERIODS } from '../src/example3.js';

const runExample = exampleRunner(import.meta.url, { timeScale: 0.01, limitSeconds: 20 });

describe('example2.py', () => {
  it('loses no update under the lock, and pauses one thread at a time', async () => {
    const scale = 0.05;
    const { value, seconds } = await captureLines(() => count(PAUSE_PERIODS), { timeScale: scale });
    expect(value).toBe(20);
    // The pauses add up: at least the sum of the 12 one-second pauses (they never overlap).
    expect(seconds).toBeGreaterThanOrEqual(12 * scale);
  });

  it('prints Final counter: 20. with random pauses', async () => {
    const run = await runExample('example2', { timeScale: 0.02 });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Final counter: 20.\nFinished.\n');
  });
});
