import { fileURLToPath } from 'node:url';
import { runExample } from '@mc/testing';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

// A bad command line: one line naming the valid choices, exit status 2, and the program never runs.
describe('bad arguments', () => {
  it.each([
    [
      'example1',
      ['--bogus'],
      "unknown option '--bogus'; valid options: --files VALUE, --ulimit VALUE",
    ],
    [
      'example1',
      ['--files'],
      "option '--files' needs a value; valid options: --files VALUE, --ulimit VALUE",
    ],
    ['example1', ['--files', '0'], '--files needs a positive integer, got "0"'],
    [
      'example2',
      ['--gaurded'],
      "unknown option '--gaurded'; valid options: --guarded, --unbounded",
    ],
  ])('%s %j: one line, exit 2, nothing run', async (name, args, line) => {
    const run = await runExample(packageDir, name, { args, timeScale: 0.01 });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^[^\n]+\n$/);
    expect(run.stderr.trimEnd()).toBe(line);
  });
});
