import { timer } from '@mc/core/timeit';
import { median } from '@mc/runner';
import { describe, expect, it, vi } from 'vitest';
import { concurrentSolve, main, sequentialSolve } from '../src/example2.js';

describe('Chapter01/example2.py', () => {
  it('ends in the digits 35443 in both halves', async () => {
    const sequential = sequentialSolve();
    const { result } = await concurrentSolve();
    expect(sequential % 100000n).toBe(35443n);
    expect(result).toBe(sequential);
    expect(sequential.toString(2).length).toBeGreaterThan(1_000_000);
  });

  it('runs the 20 tasks one at a time, in order: no two overlap', async () => {
    const { spans } = await concurrentSolve();
    expect(spans.map((span) => span.task)).toEqual([...Array(20).keys()]);
    for (let i = 1; i < spans.length; i++) {
      expect(spans[i]?.start).toBeGreaterThanOrEqual(spans[i - 1]?.end as number);
    }
  });

  it('is no faster than the sequential half', async () => {
    sequentialSolve(); // warm, as main does
    const sequential: number[] = [];
    const concurrent: number[] = [];
    for (let run = 0; run < 5; run++) {
      let start = timer();
      sequentialSolve();
      sequential.push(timer() - start);
      start = timer();
      await concurrentSolve();
      concurrent.push(timer() - start);
    }
    expect(median(concurrent) / median(sequential)).toBeGreaterThan(0.8);
  });

  it("prints the book's four lines", async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      await main();
      const lines = log.mock.calls.map((call) => call.join(' '));
      expect(lines).toHaveLength(4);
      const digits = 'Result is very large. Only printing the last 5 digits: 35443';
      expect(lines[0]).toBe(digits);
      expect(lines[1]).toMatch(/^Sequential took: \d+\.\d\d seconds\.$/);
      expect(lines[2]).toBe(digits);
      expect(lines[3]).toMatch(/^Concurrent took: \d+\.\d\d seconds\.$/);
    } finally {
      log.mockRestore();
    }
  });
});
