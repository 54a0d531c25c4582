import { runExample } from '@mc/testing';
import { expect, it } from 'vitest';
import { next, StopIteration } from '../src/example4.js';
import { packageDir } from './server.js';

it('asks a five-value generator for six: the sixth next() ends the program with StopIteration', async () => {
  const run = await runExample(packageDir, 'example4');
  const turns = [0, 2, 4, 6, 8].flatMap((value) => [
    'Inside the outer for loop...',
    'Inside the inner for loop...',
    String(value),
  ]);
  expect(run.lines).toEqual([...turns, 'Inside the outer for loop...']);
  expect(run.stdout).not.toContain('Finished.');
  expect(run.stderr).toMatch(/^StopIteration: /);
  expect(run.code).toBe(1);
});

it("next() is where JavaScript's { done: true } becomes Python's StopIteration", () => {
  const generator = [7].values();
  expect(next(generator)).toBe(7);
  expect(generator.next()).toEqual({ done: true, value: undefined });
  expect(() => next(generator)).toThrow(StopIteration);
});
