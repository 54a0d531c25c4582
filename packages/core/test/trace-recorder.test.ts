import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Each program runs in a fresh process, so that the module named is the first one of core loaded:
// in the test's own process, another test file may have loaded core already.
const dist = new URL('../dist/', import.meta.url).href;
const folder = mkdtempSync(join(tmpdir(), 'mc-trace-recorder-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Runs `source` as an ES module in a fresh Node with `env` added to this one's. */
function run(source: string, env: Record<string, string> = {}) {
  const { BOOK_TRACE_DIR: _, BOOK_TRACE_KINDS: __, ...rest } = process.env;
  return spawnSync(process.execPath, ['--input-type=module', '-e', source], {
    env: { ...rest, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('trace-recorder.js', () => {
  it('loads as the first module of a process (no import cycle with diagnostics.js)', () => {
    const result = run(`
      const { traceKinds } = await import('${dist}trace-recorder.js');
      console.log(traceKinds('task,lock-wait').join(' '));`);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('task lock-wait\n');
  });

  it('records from the start when diagnostics.js is loaded first with BOOK_TRACE_DIR set', () => {
    const result = run(
      `
      const { publishThread } = await import('${dist}diagnostics.js');
      publishThread('start', 'Thread-A');
      publishThread('end', 'Thread-A');`,
      { BOOK_TRACE_DIR: folder },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const [file] = readdirSync(folder);
    const records = readFileSync(join(folder, file ?? ''), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { ph: string; name?: string });
    expect(records.map((record) => record.ph)).toEqual(['M', 'B', 'E']);
    expect(records[1]?.name).toBe('Thread-A');
  });
});
