import { fileURLToPath } from 'node:url';
import { runExample } from '@mc/testing';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

// A bad command line: one line naming the valid choices, exit status 2, and the program never runs.
describe('bad arguments', () => {
  it.each([
    ['example1', ['--bogus'], "unknown option '--bogus'; this program takes no arguments"],
    ['example1', ['4'], "unexpected argument '4'; this program takes no arguments"],
  ])('%s %j: one line, exit 2, nothing run', async (name, args, line) => {
    const run = await runExample(packageDir, name, { args, timeScale: 0.01 });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^[^\n]+\n$/);
    expect(run.stderr.trimEnd()).toBe(line);
  });
});
