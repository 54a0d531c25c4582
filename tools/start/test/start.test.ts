import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const quietBuild = fileURLToPath(new URL('../quiet-build.mjs', import.meta.url));
const dev = fileURLToPath(new URL('../dev.mjs', import.meta.url));

/** Runs one of the scripts to its end, from a folder outside the repository. */
function run(script: string, args: string[]) {
  return spawnSync(process.execPath, [script, ...args], {
    encoding: 'utf8',
    cwd: '/',
    timeout: 110_000,
    env: { ...process.env, BOOK_TIME_SCALE: '0.01' },
  });
}

describe('quiet-build', () => {
  it('prints nothing at all when the build succeeds', () => {
    const result = run(quietBuild, ['--filter=@mc/primes']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('');
  });

  it("prints turbo's own output and a last line saying nothing ran when the build fails", () => {
    const result = run(quietBuild, ['--filter=no-such-package']);
    expect(result.status).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/no-such-package/);
    expect(result.stderr).toMatch(/build failed \(exit status \d+\); nothing was run\n$/);
  });
});

describe('dev', () => {
  it.each([
    [['chapter99/example1'], "dev: unknown chapter 'chapter99'; valid chapters: chapter01"],
    [
      ['chapter03/example9'],
      "dev: unknown example 'example9' in chapter03; valid examples: example1",
    ],
    [[], 'dev: name an example; usage'],
  ])('refuses %j in one line with status 2', (args, start) => {
    const result = run(dev, ['--once', ...args]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^[^\n]+\n$/);
    expect(result.stderr.startsWith(start)).toBe(true);
  });

  it('runs the TypeScript source of an example with its arguments', () => {
    const result = run(dev, ['--once', 'chapter03/example2', '--no-wait']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('Finished.\n');
  });

  it("passes on the example's own refusal of a bad argument, and its status", () => {
    const result = run(dev, ['--once', 'chapter04/example2', '--gaurded']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      "unknown option '--gaurded'; usage: example2.js [--guarded] [--unbounded]\n",
    );
  });
});
