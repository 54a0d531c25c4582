import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const fixture = fileURLToPath(new URL('./fixtures/run-main.mjs', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'mc-compile-cache-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Runs the fixture program with the compile cache variables of `env` only. */
function run(env: Record<string, string>) {
  const { NODE_COMPILE_CACHE: _, NODE_DISABLE_COMPILE_CACHE: __, ...rest } = process.env;
  return spawnSync(process.execPath, [fixture, 'compile-cache'], {
    env: { ...rest, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('enableCompileCacheForChildren (through runMain)', () => {
  it('turns the compile cache on for the child processes a program starts', () => {
    const result = run({});
    expect(result.status).toBe(0);
    const [childCache] = result.stdout.split('\n');
    expect(childCache).not.toBe('off');
    expect(childCache).toMatch(/node-compile-cache/);
  });

  it('writes the compiled modules of a program started with NODE_COMPILE_CACHE to that folder', () => {
    const result = run({ NODE_COMPILE_CACHE: folder });
    expect(result.stdout.split('\n')[0]).toContain(folder);
    // One subfolder per Node version and V8 flags, holding a file per compiled module.
    const entries = readdirSync(folder, { recursive: true, withFileTypes: true });
    expect(entries.filter((entry) => entry.isFile()).length).toBeGreaterThan(5);
  });

  it('stays off with NODE_DISABLE_COMPILE_CACHE=1', () => {
    const result = run({ NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(result.stdout.split('\n')[0]).toBe('off');
  });
});
