import { captureLines } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { main } from '../src/example4.js';

describe('example4.py', () => {
  it('counts exactly with approximate counters, and far faster than the single lock', async () => {
    const { lines, value } = await captureLines(main);
    const { single, approximate } = value;
    for (let n = 1; n <= 10; n++) {
      expect(lines.slice(3 * (n - 1), 3 * n)).toEqual([
        `Number of threads: ${n}`,
        `Final counter: ${100 * n}.`,
        '-'.repeat(40),
      ]);
      expect(single[n - 1]).toBeGreaterThanOrEqual(0.1 * n);
      // Each local counter still sleeps 100 times, one after another.
      expect(approximate[n - 1]).toBeGreaterThanOrEqual(0.1);
    }
    expect(lines.slice(30)).toEqual([
      `Single counter times: ${single.map((t) => t.toFixed(2)).join(', ')} seconds.`,
      `Approximate counter times: ${approximate.map((t) => t.toFixed(2)).join(', ')} seconds.`,
    ]);
    // The book's machine: 1.16 s against 0.23 s at ten threads. The local sleeps overlap, only
    // the flushes take the global lock: the margin holds on a loaded machine too.
    expect(approximate[9] as number).toBeLessThan((single[9] as number) / 2.5);
  });
});
