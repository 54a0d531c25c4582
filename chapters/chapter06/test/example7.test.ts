import { exampleRunner } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { Task } from '../src/example7.js';
import { expectedResults, processedNumbers } from './printed-lines.js';

const runExample = exampleRunner(import.meta.url, { limitSeconds: 30 });

const numbers = [2, 36, 101, 193, 323, 513, 1327, 100000, 9999999, 433785907];

describe('example7.py', () => {
  for (const consumers of [2, 4, 8]) {
    it(`answers every task exactly once with ${consumers} consumers, and never hangs`, async () => {
      const run = await runExample('example7', {
        timeScale: 0.1,
        env: { PYTHON_CPU_COUNT: `${consumers}` },
      });
      expect(run.code).toBe(0);
      expect(run.lines[0]).toBe(`Spawning ${consumers} consumers...`);
      expect(processedNumbers(run.lines).sort((a, b) => a - b)).toEqual(numbers);
      const results = run.lines.filter((line) => line.startsWith('Result: '));
      expect(results.map((line) => line.slice(8)).sort()).toEqual([...expectedResults].sort());
      const lastProcessing = run.lines.findLastIndex((line) => line.includes('processing task'));
      expect(lastProcessing).toBeLessThan(run.lines.indexOf(results[0] as string));
      expect(run.lines).toHaveLength(22);
      expect(run.lines.at(-1)).toBe('Done.');
    });
  }

  it("applies the book's prime rule, square roots included", () => {
    const verdict = (x: number) => new Task(x).process().endsWith(' is a prime number.');
    expect([0, 1, 4, 9, 25, 49, 100000].map(verdict)).toEqual(Array(7).fill(false));
    expect([2, 3, 5, 1327, 433785907].map(verdict)).toEqual(Array(5).fill(true));
    expect(String(new Task(7))).toBe('Checking if 7 is a prime or not.');
  });
});
