import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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
function runCli(...args: string[]) {
  return runCliWith({}, ...args);
}

/** `runCli` with environment variables for the runner (undefined: removed). */
async function runCliWith(env: Record<string, string | undefined>, ...args: string[]) {
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
      env: { BOOK_TIME_SCALE: undefined, ...env },
    },
  );
  const rows = existsSync(json)
    ? (JSON.parse(readFileSync(json, 'utf8')) as ReportRow[])
    : undefined;
  const md = existsSync(markdown) ? readFileSync(markdown, 'utf8') : undefined;
  return { ...result, rows, md };
}

/**
 * Runs the runner on the fixture root with `args` and sends it `signal` as soon as the spawner
 * fixture prints `grandchild PID`; once the runner has ended, waits (at most 3 s: a killed process
 * is reaped a moment later) for that grandchild to be gone, and says whether it still runs.
 */
async function signalAtGrandchild(signal: 'SIGINT' | 'SIGKILL', args: string[]) {
  const subprocess = execa(process.execPath, [cli, '--root', root, ...args], { reject: false });
  let grandchild = 0;
  subprocess.stdout?.on('data', (chunk: Buffer) => {
    const match = /grandchild (\d+)/.exec(chunk.toString());
    if (match) {
      grandchild = Number(match[1]);
      subprocess.kill(signal);
    }
  });
  const result = await subprocess;
  for (let waited = 0; grandchild > 0 && waited < 3000 && isAlive(grandchild); waited += 25) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return { result, grandchild, grandchildAlive: grandchild > 0 && isAlive(grandchild) };
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
      // The runner spawns every example with its own binary: the one this test started it with.
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
    });
    expect(typeof quick?.wallSeconds).toBe('number');
    expect(typeof quick?.cpuSeconds).toBe('number');
    expect(quick?.runnerOverheadSeconds).toBeUndefined();
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
    expect(md).not.toMatch(/Runner overhead/);
    expect(md).toContain(` on Node ${process.version} (${process.platform}-${process.arch}, `);
  });

  it('measures its own overhead only with --calibrate, and reports it', async () => {
    const { rows, md, exitCode } = await runCli('chapter01/quick', '--calibrate');
    expect(exitCode).toBe(0);
    expect(typeof rows?.[0]?.runnerOverheadSeconds).toBe('number');
    expect(md).toMatch(
      /Runner overhead: (\d+\.\d ms|under 1 ms \(within measurement noise\)) per example run/,
    );
  });

  it('on Ctrl-C during --calibrate stops at once: exit 130, no example run, no process left', async () => {
    const json = join(reports, 'calibrate-interrupted.json');
    const subprocess = execa(
      process.execPath,
      [
        cli,
        '--root',
        root,
        '--json',
        json,
        '--markdown',
        join(reports, 'ci.md'),
        'chapter01/quick',
        '--calibrate',
      ],
      // Its own process group, so that whatever it spawned directly can be looked for afterwards.
      { reject: false, detached: true },
    );
    subprocess.stderr?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('calibrating')) subprocess.kill('SIGINT');
    });
    const result = await subprocess;
    expect(result.exitCode).toBe(130);
    expect(result.stdout).not.toMatch(/hello from quick/);
    const rows = JSON.parse(readFileSync(json, 'utf8')) as ReportRow[];
    expect(rows).toEqual([]);
    const group = String(subprocess.pid);
    const left = (await execa('ps', ['-eo', 'pgid=,pid=,args='])).stdout
      .split('\n')
      .filter((line) => line.trim().split(/\s+/)[0] === group);
    expect(left).toEqual([]);
  });

  it('refuses a BOOK_TIME_SCALE it would pass on badly, in one line, exit 2, before running anything', async () => {
    const result = await runCliWith({ BOOK_TIME_SCALE: 'abc' }, 'chapter01/quick');
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      'runner: BOOK_TIME_SCALE must be a non-negative number such as 1 or 0.01, got "abc"\n',
    );
    expect(result.stdout).toBe('');
    expect(result.rows).toBeUndefined();
  });

  it('reports the time scale the examples ran at: inherited from the environment, or 1 when unset', async () => {
    const inherited = await runCliWith({ BOOK_TIME_SCALE: '0.5' }, 'chapter01/quick');
    expect(inherited.rows?.[0]?.timeScale).toBe(0.5);
    expect(inherited.md).toMatch(/time scale 0\.5/);
    const unset = await runCli('chapter01/quick');
    expect(unset.rows?.[0]?.timeScale).toBe(1);
  });

  it('runs an example at its minTimeScale when asked for a shorter one, and says so', async () => {
    const raised = await runCli('chapter01/scale', '--time-scale', '0.1');
    expect(raised.stdout).toBe('scale 0.5\n');
    expect(raised.rows?.[0]).toMatchObject({
      ok: true,
      timeScale: 0.5,
      outcome: 'exits (at time scale 0.5, its floor)',
    });
    const kept = await runCli('chapter01/scale', '--time-scale', '0.8');
    expect(kept.stdout).toBe('scale 0.8\n');
    expect(kept.rows?.[0]).toMatchObject({ ok: true, timeScale: 0.8, outcome: 'exits' });
  });

  it('fails an exits run that reported an uncaught exception, unless its declaration expects one', async () => {
    const { exitCode, rows } = await runCli('chapter01/raises');
    expect(exitCode).toBe(1);
    expect(rows?.map((row) => [row.args ?? [], row.ok, row.outcome])).toEqual([
      [
        [],
        false,
        'exits, but raised: Exception in thread A: RangeError: BOOK_TIME_SCALE must be a non-negative number',
      ],
      [['expected'], true, 'exits'],
    ]);
  });

  it('fails an exits run whose output lacks what its declaration says it prints', async () => {
    const { exitCode, rows } = await runCli('chapter01/says');
    expect(exitCode).toBe(1);
    expect(rows?.map((row) => [row.ok, row.outcome])).toEqual([
      [true, 'exits'],
      [false, 'exits, but printed no /^Took: \\d+\\.\\d{4} seconds\\.$/m'],
    ]);
  });

  it('runs a lesson that shows by chance again, at most its attempts, saying so; never past a forbidden line', async () => {
    const { exitCode, rows } = await runCli('chapter01/chance');
    expect(exitCode).toBe(1);
    expect(rows?.map((row) => [row.args, row.ok, row.outcome, row.wallSamples.length])).toEqual([
      [['second'], true, 'exits (run 2 of 3; run 1 printed no /^run 2$/m)', 1],
      [['never'], false, 'exits, but did not show a ninth run (run 2 of 2; run 1 the same)', 1],
      [['forbidden'], false, 'exits, but printed "run 1"', 1],
    ]);
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
      "runner: unknown option '--fast'; valid options: --time-scale N, --repeat N, --timeout S, --trace, --calibrate, --python DIR, --python-bin FILE, --json FILE, --markdown FILE, --help\n",
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

  it('exits 1 with one line naming the path when a report cannot be written', async () => {
    const blocker = join(reports, 'a-file');
    writeFileSync(blocker, '');
    const result = await execa(
      process.execPath,
      [cli, '--root', root, '--json', join(blocker, 'report.json'), 'chapter01/quick'],
      { reject: false, cwd: tmpdir() },
    );
    expect(result.exitCode).toBe(1);
    expect(result.stderr.split('\n').at(-1)).toBe(
      `runner: cannot create the folder ${blocker}: a file of that name is in the way (EEXIST)`,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    ['/dev/full', 'runner: cannot write /dev/full: no space left on device (ENOSPC)'],
    // Node's recursive mkdir loops for ever under /proc.
    [
      '/proc/no-such/report.json',
      'runner: cannot create the folder /proc/no-such: no such file or directory (ENOENT)',
    ],
  ])('exits 1 with one line, no stack and no hang, for the report path %s', async (json, line) => {
    const result = await execa(
      process.execPath,
      [
        cli,
        '--root',
        root,
        '--json',
        json,
        '--markdown',
        join(reports, 'full.md'),
        'chapter01/quick',
      ],
      { reject: false, cwd: tmpdir(), timeout: 60_000 },
    );
    expect(result.exitCode).toBe(1);
    expect(result.stderr.trim().split('\n').at(-1)).toBe(line);
    expect(result.stderr).not.toMatch(/\n\s+at /);
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
    const analysis = rows?.[0]?.analysis;
    if (analysis?.kind !== 'speedup') throw new Error('no speedup analysis');
    expect(analysis.title).toBe('Fixture chapter 2: speedup against workers');
    expect(analysis?.series.map((series) => series.label)).toEqual(['Took', 'Sub took']);
    expect(analysis?.series[0]?.parallelFraction).toBeCloseTo(0.8, 2);
    expect(analysis?.bookSpeedup?.[1]?.speedup).toBeCloseTo(10.49 / 5.56, 6);
    expect(rows?.[0]?.bookFigure).toMatch(/10\.49/);
    expect(stderr).toMatch(/^Fixture chapter 2: speedup against workers/m);
    expect(stderr).toMatch(/Amdahl bound p = 0\.80/);
    expect(md).toMatch(/<svg [\s\S]*<\/svg>/);
  });

  it('on Ctrl-C stops the running tree, writes the partial report and exits 130', async () => {
    const json = join(reports, 'interrupted.json');
    const { result, grandchild, grandchildAlive } = await signalAtGrandchild('SIGINT', [
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
    ]);
    expect(result.exitCode).toBe(130);
    const rows = JSON.parse(readFileSync(json, 'utf8')) as ReportRow[];
    expect(rows.map((row) => [row.example, row.outcome])).toEqual([
      ['quick', 'exits'],
      ['spawner', 'interrupted'],
    ]);
    expect(grandchild).toBeGreaterThan(0);
    expect(grandchildAlive).toBe(false);
  });

  it('leaves nothing running when the runner itself is killed with SIGKILL (the guard pipe)', async () => {
    // SIGKILL runs none of the runner's handlers and ends its limit timers: only the guard of the
    // example's wrapper, which sees the runner's end of a pipe close, can stop the example.
    const { grandchild, grandchildAlive } = await signalAtGrandchild('SIGKILL', [
      '--json',
      join(reports, 'killed.json'),
      '--markdown',
      join(reports, 'killed.md'),
      'chapter01/spawner',
      '--timeout',
      '60',
    ]);
    if (grandchildAlive) process.kill(grandchild, 'SIGKILL');
    expect(grandchild).toBeGreaterThan(0);
    expect(grandchildAlive).toBe(false);
  });

  it('with --python runs every offline twin and reports how each failed: exit status and last stderr line', async () => {
    const { rows, md, exitCode } = await runCli(
      'chapter01',
      'quick',
      'prompt',
      'failing',
      'hang',
      'eager',
      '--python',
      pythonFixturesDir,
    );
    // A twin's outcome is information: it never changes the exit status.
    expect(exitCode).toBe(0);
    const twin = (name: string) => rows?.find((row) => row.example === name)?.python;
    expect(twin('quick')).toMatchObject({ status: 'ran', outcome: 'exits', exitCode: 0 });
    expect(twin('quick')?.failure).toBeUndefined();
    expect(twin('quick')?.ratio).toBeGreaterThan(0);
    expect(twin('prompt')).toMatchObject({ status: 'ran', outcome: 'exits' });
    // Run, not guessed from its imports: the module is missing, and that is what the row says.
    expect(twin('eager')).toMatchObject({
      status: 'ran',
      outcome: 'exited 1',
      exitCode: 1,
      failure: "exit 1: ModuleNotFoundError: No module named 'definitely_not_a_module_xyz'",
    });
    // Never run: they would reach the internet (directly, or through a sibling module).
    expect(twin('hang')).toMatchObject({
      status: 'skipped',
      reason: 'needs the internet (http://example.com/)',
    });
    expect(twin('failing')).toMatchObject({
      status: 'skipped',
      reason: 'needs the internet (http://example.org/data)',
    });
    expect(md).toMatch(/^Run with `python3` \(Python \d+\.\d+\.\d+\)/m);
  });

  it('runs an original with its declared arguments, and reports the declared reason one cannot run', async () => {
    const { rows, md } = await runCli(
      'chapter01/says',
      'chapter01/early',
      '--python',
      pythonFixturesDir,
    );
    const says = rows?.find((row) => row.example === 'says' && row.args?.[0] === 'Took:');
    expect(says?.python).toMatchObject({ status: 'ran', outcome: 'exits' });
    // says.py exits 0 only with the original's declared arguments, not the twin's.
    expect(says?.python?.failure).toBeUndefined();
    const early = rows?.find((row) => row.example === 'early');
    expect(early?.python).toMatchObject({
      status: 'skipped',
      reason: "needs the book's photographs",
    });
    expect(md).toContain("chapter01/early: skipped, needs the book's photographs");
  });

  it('runs the twins with the interpreter --python-bin names, and refuses one that cannot run', async () => {
    // Debian's interpreter by its path where there is one (a pyenv shim may come first on PATH).
    const bin = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
    const { rows, md } = await runCli(
      'chapter01/quick',
      '--python',
      pythonFixturesDir,
      '--python-bin',
      bin,
    );
    expect(rows?.[0]?.python).toMatchObject({ status: 'ran', outcome: 'exits' });
    expect(md).toContain(`Run with \`${bin}\` (Python `);
    const missing = await runCli(
      'chapter01/quick',
      '--python',
      pythonFixturesDir,
      '--python-bin',
      'no-such-python-here',
    );
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toMatch(
      /^runner: --python-bin 'no-such-python-here' cannot run: [^\n]+\n$/,
    );
    expect(missing.rows).toBeUndefined();
  });
});
