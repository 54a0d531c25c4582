import { cpuCount } from '@mc/core/multiprocessing';
import { isPrime } from '@mc/primes';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { input, main, type Timing } from '../src/example1.js';

/** Runs the whole program once, capturing what it prints. */
async function runMain(): Promise<{ lines: string[]; timings: Timing[] }> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    const timings = await main();
    return { lines: log.mock.calls.map((call) => call.join(' ')), timings };
  } finally {
    log.mockRestore();
  }
}

describe('Chapter02/example1.py', () => {
  let lines: string[] = [];
  let timings: Timing[] = [];
  beforeAll(async () => {
    ({ lines, timings } = await runMain());
  });

  it("prints one block per worker count from 1 to cpuCount(), in the book's formats", () => {
    const blocks = [];
    for (let i = 0; i < lines.length; i += 4) blocks.push(lines.slice(i, i + 4));
    expect(blocks.map((block) => block[0])).toEqual(
      Array.from({ length: cpuCount() }, (_, i) => `Number of workers: ${i + 1}.`),
    );
    for (const [, sub, took, rule] of blocks) {
      expect(sub).toMatch(/^Sub took: \d+\.\d{4} seconds\.$/);
      expect(took).toMatch(/^Took: \d+\.\d{4} seconds\.$/);
      expect(rule).toBe('_'.repeat(20));
    }
  });

  it('finds the same primes with every pool, and times the collecting inside the whole', () => {
    const primes = input.filter((x) => isPrime(x));
    for (const timing of timings) {
      expect([...timing.result].sort((a, b) => a - b)).toEqual(primes);
      expect(timing.subDuration).toBeLessThan(timing.duration);
    }
  });

  it('collects the results faster with 2 workers than with 1', () => {
    expect(cpuCount(), 'the lesson needs a machine with 2 cores or more').toBeGreaterThanOrEqual(2);
    const [one, two] = timings as [Timing, Timing];
    expect(two.subDuration).toBeLessThan(0.8 * one.subDuration);
  });
});
