import { exampleRunner } from '@mc/testing';
import { describe, expect, it } from 'vitest';

const runExample = exampleRunner(import.meta.url, { limitSeconds: 40 });

describe('factorial.py', () => {
  it('interleaves the two jobs step by step, and ends after the longer one (3 s), not the sum', async () => {
    const scale = 0.2;
    const run = await runExample('factorial', { timeScale: scale });
    expect(run.code).toBe(0);
    expect(run.lines.slice(0, 7)).toEqual([
      'Task A: Compute factorial(2).',
      'Task B: Compute factorial(2).',
      'Task A: Compute factorial(3).',
      'Task B: Compute factorial(3).',
      'Task A: factorial(3) is 6.',
      'Task B: Compute factorial(4).',
      'Task B: factorial(4) is 24.',
    ]);
    const total = /^Total time: {2}(\d+\.\d{4})\.$/.exec(run.lines[7] ?? '');
    expect(total).not.toBeNull();
    expect(Number(total?.[1])).toBeGreaterThanOrEqual(3 * scale - 0.002);
    expect(run.lines).toHaveLength(8);
  });
});
