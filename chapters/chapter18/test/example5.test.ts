import { runExample } from '@mc/testing';
import { expect, it } from 'vitest';
import { packageDir } from './server.js';

it('drives the coroutine by hand: each callback sends a value in, and closing it at the end runs its finally', async () => {
  const run = await runExample(packageDir, 'example5');
  const rounds = [0, 1, 2, 3, 4].flatMap((i) => [
    `Printing from main(): ${i}`,
    `Printing from read_data(): ${i}`,
    `Printing from process(): ${i * 2}`,
  ]);
  expect(run.lines).toEqual([...rounds, 'Processing done.']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
});
