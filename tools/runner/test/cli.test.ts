import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { isAlive } from '../src/kill-tree.js';
import type { ReportRow } from '../src/report-row.js';
import { pythonFixturesDir, useFixtureRoot, useTempDir } from './fixture-root.js';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const fixtureRoot = useFixtureRoot();
const reportsDir = useTempDir('runner-reports-');
let root: string;
let reports: string;

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('build the runner first: pnpm --filter @mc/runner build');
  root = fixtureRoot();
  reports = reportsDir();
});

let count = 0;
/** Runs the built cli against the fixture chapters, writing its reports to fresh files. */
async function runCli(...args: string[]) {
  count++;
  const json = join(reports, `report${count}.json`);
  const markdown = join(reports, `report${count}.md`);
  const result = await execa(
    process.execPath,
    [cli, '--root', root, '--json', json, '--markdown', markdown, ...args],
    {
      reject: false,
      stripFinalNewline: false,
      cwd: tmpdir(),
    },
  );
  const rows = existsSync(json)
    ? (JSON.parse(readFileSync(json, 'utf8')) as ReportRow[])
    : undefined;
  const md = existsSync(markdown) ? readFileSync(markdown, 'utf8') : undefined;
  return { ...result, rows, md };
}

describe('runner cli', () => {
  it('exits 0 when every outcome matches, passing the example output through unchanged', async () => {
    const result = await runCli('chapter01/quick', 'chapter01/failing', 'chapter01/prompt');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('hello from quick\nType something to quit: \ngot: quit\n');
    expect(result.stderr).toMatch(/DeadlockDetected/);
  });

  it('writes a JSON report: an array of rows with the documented fields', async () => {
    const { rows, md } = await runCli('chapter01', 'quick', 'hang');
    expect(rows).toHaveLength(2);
    const [quick, hang] = rows ?? [];
    expect(quick).toMatchObject({
      chapter: 'chapter01',
      example: 'quick',
      ok: true,
      exitCode: 0,
      outcome: 'exits',
      expected: 'exits',
      bookFile: 'Chapter01/quick.py',
      timedOut: false,
    });
    expect(typeof quick?.wallSeconds).toBe('number');
    expect(typeof quick?.cpuSeconds).toBe('number');
    expect(typeof quick?.runnerOverheadSeconds).toBe('number');
    expect(hang).toMatchObject({
      example: 'hang',
      ok: true,
      outcome: 'blocks',
      timedOut: true,
      limitSeconds: 1,
    });
    expect(md).toMatch(
      /\| chapter \| example \| expected \| outcome \| wall s \| CPU s \| CPU\/wall \| book \|/,
    );
    expect(md).toMatch(
      /Runner overhead: (\d+\.\d ms|under 1 ms \(within measurement noise\)) per example run/,
    );
  });

  it('exits 1 when an outcome does not match, and says why in the row', async () => {
    const { exitCode, rows } = await runCli(
      'chapter01',
      'wrongexit',
      'sleepy',
      'early',
      'unnamed',
      'unbuilt',
    );
    expect(exitCode).toBe(1);
    expect(rows?.map((row) => [row.example, row.ok, row.outcome])).toEqual([
      ['sleepy', false, 'timed out'],
      ['early', false, 'exited 0 before its limit'],
      ['wrongexit', false, 'exited 3'],
      ['unnamed', false, 'exited 1 without EMFILE'],
      ['unbuilt', false, 'not built (no dist/unbuilt.js)'],
    ]);
  });

  it('exits 2 with one line naming the chapters for an unknown chapter', async () => {
    const result = await runCli('chapter99');
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      "runner: unknown chapter 'chapter99'; valid chapters: chapter01, chapter02\n",
    );
    expect(result.rows).toBeUndefined();
  });

  it('exits 2 with one line naming the examples for an unknown example', async () => {
    const result = await runCli('chapter02', 'example7');
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      "runner: unknown example 'example7' in chapter02; valid examples: example1\n",
    );
  });

  it('exits 2 with one line naming the options for an unknown option or a bad value', async () => {
    const unknown = await runCli('--fast');
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toBe(
      "runner: unknown option '--fast'; valid options: --time-scale N, --repeat N, --timeout S, --python DIR, --json FILE, --markdown FILE, --help\n",
    );
    for (const bad of [
      ['--time-scale', '-1'],
      ['--time-scale', 'fast'],
      ['--repeat', '0'],
      ['--timeout', 'x'],
    ]) {
      const result = await runCli(...bad);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toMatch(/^runner: [^\n]+\n$/);
    }
  });

  it('prints the help and exits 0', async () => {
    const result = await runCli('--help');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/--time-scale N/);
  });

  it('scales the limit of a blocks example by --time-scale, with a floor of 2 s, and passes the scale on', async () => {
    const { rows, exitCode } = await runCli('chapter01/hang', '--time-scale', '0.01');
    expect(exitCode).toBe(0);
    expect(rows?.[0]).toMatchObject({ ok: true, limitSeconds: 2, timeScale: 0.01 });
  });

  it('reports each declaration of a file declared twice, with its arguments', async () => {
    const { rows, exitCode } = await runCli('chapter01/exitwith');
    expect(exitCode).toBe(0);
    expect(rows?.map((row) => [row.example, row.args, row.outcome])).toEqual([
      ['exitwith', ['0'], 'exits'],
      ['exitwith', ['4'], 'fails exiting with 4'],
    ]);
  });

  it('reports the median of --repeat runs', async () => {
    const { rows } = await runCli('chapter01/quick', '--repeat', '3');
    expect(rows?.[0]?.wallSamples).toHaveLength(3);
    expect(rows?.[0]?.ok).toBe(true);
  });

  it("draws Chapter 2's speedup against Amdahl's bound in the terminal and the Markdown report", async () => {
    const { rows, md, stderr, exitCode } = await runCli('chapter02');
    expect(exitCode).toBe(0);
    expect(rows?.[0]?.amdahl?.parallelFraction).toBeCloseTo(0.8, 2);
    expect(rows?.[0]?.bookFigure).toMatch(/10\.49/);
    expect(stderr).toMatch(/Amdahl bound p = 0\.80/);
    expect(md).toMatch(/<svg [\s\S]*<\/svg>/);
  });

  it('on Ctrl-C stops the running tree, writes the partial report and exits 130', async () => {
    const json = join(reports, 'interrupted.json');
    const subprocess = execa(
      process.execPath,
      [
        cli,
        '--root',
        root,
        '--json',
        json,
        '--markdown',
        join(reports, 'interrupted.md'),
        'chapter01',
        'quick',
        'spawner',
        'stubborn',
        '--timeout',
        '30',
      ],
      { reject: false },
    );
    let grandchild = 0;
    subprocess.stdout?.on('data', (chunk: Buffer) => {
      const match = /grandchild (\d+)/.exec(chunk.toString());
      if (match) {
        grandchild = Number(match[1]);
        subprocess.kill('SIGINT');
      }
    });
    const result = await subprocess;
    expect(result.exitCode).toBe(130);
    const rows = JSON.parse(readFileSync(json, 'utf8')) as ReportRow[];
    expect(rows.map((row) => [row.example, row.outcome])).toEqual([
      ['quick', 'exits'],
      ['spawner', 'interrupted'],
    ]);
    for (let waited = 0; waited < 3000 && isAlive(grandchild); waited += 25) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(grandchild).toBeGreaterThan(0);
    expect(isAlive(grandchild)).toBe(false);
  });

  it('with --python runs the standard-library twins and reports the others skipped with the reason', async () => {
    const { rows, exitCode } = await runCli(
      'chapter01',
      'quick',
      'prompt',
      'failing',
      'hang',
      'eager',
      '--python',
      pythonFixturesDir,
    );
    expect(exitCode).toBe(0);
    const twin = (name: string) => rows?.find((row) => row.example === name)?.python;
    expect(twin('quick')).toMatchObject({ status: 'ran', outcome: 'exits', exitCode: 0 });
    expect(twin('quick')?.ratio).toBeGreaterThan(0);
    expect(twin('prompt')).toMatchObject({ status: 'ran', outcome: 'exits' });
    expect(twin('failing')).toMatchObject({
      status: 'skipped',
      reason: 'needs numpy (not in the standard library)',
    });
    expect(twin('hang')).toMatchObject({
      status: 'skipped',
      reason: 'needs the internet (http://example.com/)',
    });
    expect(twin('eager')).toMatchObject({
      status: 'skipped',
      reason: 'needs definitely_not_a_module_xyz (ModuleNotFoundError)',
    });
  });
});
