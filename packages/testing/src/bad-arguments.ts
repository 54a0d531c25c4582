import { describe, expect, it } from 'vitest';
import { runExample } from './run-example.js';

/** One bad command line: the program's name, its arguments, and the one line it must print. */
export type BadArguments = readonly [name: string, args: string[], line: string];

/**
 * Declares a test per case that runs `node dist/<name>.js args` in `packageDir` and expects what
 * every program of the project does with a bad command line: exactly `line` on stderr (one line),
 * nothing on stdout (the program never ran), exit status 2.
 *
 * @example testBadArguments(packageDir, [['example2', ['--gaurded'], "unknown option '--gaurded'; valid options: --guarded, --unbounded"]])
 */
export function testBadArguments(packageDir: string, cases: readonly BadArguments[]): void {
  describe('bad arguments', () => {
    it.each(cases)('%s %j: one line, exit 2, nothing run', async (name, args, line) => {
      const run = await runExample(packageDir, name, { args, timeScale: 0.01 });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`${line}\n`);
    });
  });
}
