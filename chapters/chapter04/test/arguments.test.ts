import { exampleRunner } from '@mc/testing';
import { describe, expect, it } from 'vitest';

const runExample = exampleRunner(import.meta.url, { timeScale: 0.01 });

describe('bad command lines', () => {
  it.each([
    ['example1', ['--files', 'x'], "--files must be a whole number of at least 1, got 'x'"],
    ['example1', ['--ulimit', '0'], "--ulimit must be a whole number of at least 1, got '0'"],
    [
      'example2',
      ['--guarde'],
      "unknown option '--guarde'; usage: example2.js [--guarded] [--unbounded]",
    ],
  ])('%s %j: one line on stderr, exit 2, nothing run', async (name, args, line) => {
    const run = await runExample(name, { args });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${line}\n`);
  });
});
