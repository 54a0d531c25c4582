import { exampleRunner } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { expectedResults, processedNumbers } from './printed-lines.js';

const runExample = exampleRunner(import.meta.url, { limitSeconds: 30 });

const numbers = [2, 36, 101, 193, 323, 513, 1327, 100000, 9999999, 433785907];

describe('example8.py', () => {
  for (const consumers of [2, 4]) {
    it(`stops each of ${consumers} consumers with one poison pill, every task answered once`, async () => {
      const run = await runExample('example8', {
        timeScale: 0.1,
        env: { PYTHON_CPU_COUNT: `${consumers}` },
      });
      expect(run.code).toBe(0);
      expect(run.lines[0]).toBe(`Spawning ${consumers} consumers...`);
      expect(processedNumbers(run.lines).sort((a, b) => a - b)).toEqual(numbers);
      const exiting = run.lines.filter((line) => line.startsWith('Exiting '));
      expect(exiting.sort()).toEqual(
        Array.from({ length: consumers }, (_, k) => `Exiting Consumer-${k + 1}...`).sort(),
      );
      const results = run.lines.filter((line) => line.startsWith('Result: '));
      expect(results.map((line) => line.slice(8)).sort()).toEqual([...expectedResults].sort());
      const firstResult = run.lines.indexOf(results[0] as string);
      for (const line of exiting) expect(run.lines.indexOf(line)).toBeLessThan(firstResult);
      expect(run.lines).toHaveLength(1 + 10 + consumers + 10 + 1);
      expect(run.lines.at(-1)).toBe('Done.');
    });
  }
});
