import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExampleDeclaration, ReportRow } from '@mc/runner';
import { findTimeline, liveDir, traceOf } from './book.js';

/** What a live run streams to the page, one JSON object a line. */
export type RunEvent =
  | { readonly type: 'out'; readonly text: string }
  | {
      readonly type: 'end';
      readonly ok: boolean;
      /** The runner's verdict line, per declaration: `✓ exits`, `✗ timed out`. */
      readonly outcomes: readonly string[];
      readonly wallSeconds: number | null;
      readonly cpuSeconds: number | null;
      /** The fresh timeline under `traces/`, when the runner drew one. */
      readonly timeline: string | null;
      /** The checks the runner judged on the trace (a wait-for cycle, an overlap). */
      readonly checks: readonly {
        readonly check: string;
        readonly ok: boolean;
        readonly seen: string;
      }[];
      readonly exitCode: number | null;
      /** With `--python`: the original's outcome and wall time, as the runner reported them. */
      readonly python: string | null;
    };

export interface RunsOptions {
  readonly root: string;
  /** The reader's checkout of the book's code, for runs of the originals too. */
  readonly python?: string;
  /** Passed to the runner as `--time-scale` (the book's timings when absent). */
  readonly timeScale?: number;
  /** Where live runs' reports and output go (default `reports/companion`). */
  readonly live?: string;
  /** Seconds after the declared limits before the companion kills a runner that did not end (default 30). */
  readonly marginSeconds?: number;
}

/** A run in progress: its events so far, and listeners for the rest. */
export class LiveRun {
  readonly events: RunEvent[] = [];
  private readonly listeners = new Set<(event: RunEvent) => void>();
  readonly done: Promise<void>;
  private finish!: () => void;
  constructor(
    readonly key: string,
    readonly child: ChildProcess,
  ) {
    this.done = new Promise((resolve) => {
      this.finish = resolve;
    });
  }
  emit(event: RunEvent): void {
    this.events.push(event);
    for (const listener of this.listeners) listener(event);
    if (event.type === 'end') this.finish();
  }
  /** Replays the events so far, then follows; returns the unsubscribe. */
  follow(listener: (event: RunEvent) => void): () => void {
    for (const event of this.events) listener(event);
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

const runnerCli = (root: string): string => join(root, 'tools', 'runner', 'dist', 'cli.js');

let traceSupport: boolean | undefined;
/** Whether this runner knows `--trace` (its usage names it): until it does, runs go without timelines. */
export function runnerTraces(root: string): boolean {
  if (traceSupport === undefined) {
    try {
      traceSupport = execFileSync(process.execPath, [runnerCli(root), '--help'], {
        encoding: 'utf8',
      }).includes('--trace');
    } catch {
      traceSupport = false;
    }
  }
  return traceSupport;
}

/** The file exists and was written at or after `ms` (a timeline of this run, not an older one). */
function modifiedSince(file: string, ms: number): boolean {
  try {
    return statSync(file).mtimeMs >= ms - 1000;
  } catch {
    return false;
  }
}

/** The Python original's result in a few words, when the run had one. */
function pythonText(row: ReportRow | undefined): string | null {
  const python = row?.python;
  if (!python) return null;
  if (python.status === 'skipped') return `skipped: ${python.reason ?? ''}`;
  const wall = python.wallSeconds === undefined ? '' : `, wall ${python.wallSeconds.toFixed(2)} s`;
  return `${python.outcome ?? ''}${wall}${python.failure ? ` (${python.failure})` : ''}`;
}

/** Signals a process group, ignoring one that is gone. */
function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {}
}

/**
 * Live runs through the runner's CLI (`node tools/runner/dist/cli.js chapterNN/name`), one per
 * example at a time. The runner enforces the declared limit and kills the example's process tree;
 * the companion stops the runner as Ctrl-C does (SIGINT; a second SIGINT kills at once), and kills
 * its group if it outlives its limits by the margin.
 */
export class Runs {
  private readonly live = new Map<string, LiveRun>();
  constructor(private readonly options: RunsOptions) {}

  get(chapter: string, name: string): LiveRun | undefined {
    return this.live.get(`${chapter}/${name}`);
  }

  /** Starts a run of a declared example, or returns 'busy' when that example is running already. */
  start(
    chapter: string,
    name: string,
    declarations: readonly ExampleDeclaration[],
    withPython: boolean,
  ): LiveRun | 'busy' {
    const key = `${chapter}/${name}`;
    if (this.live.has(key)) return 'busy';
    const { root } = this.options;
    const base = join(liveDir(this.options), `${chapter}-${name}`);
    const trace = runnerTraces(root);
    const python = withPython && this.options.python ? ['--python', this.options.python] : [];
    const args = [
      runnerCli(root),
      key,
      '--json',
      `${base}.json`,
      '--markdown',
      `${base}.md`,
      ...(trace ? ['--trace'] : []),
      ...(this.options.timeScale !== undefined
        ? ['--time-scale', String(this.options.timeScale)]
        : []),
      ...python,
    ];
    // A run that ends before writing its report must not be read as the previous one's.
    rmSync(`${base}.json`, { force: true });
    const startedMs = Date.now();
    const child = spawn(process.execPath, args, {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    const run = new LiveRun(key, child);
    this.live.set(key, run);
    let output = '';
    const out = (text: string): void => {
      output += text;
      run.emit({ type: 'out', text });
    };
    child.stdout?.setEncoding('utf8').on('data', out);
    // The runner's stderr carries its own lines (`runner: start ...`, then the table after the
    // verdict) among the example's stderr: pass the example's, drop the runner's.
    let verdictSeen = false;
    let partial = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        if (verdictSeen) continue;
        if (/^runner: (ok|FAIL)\b/.test(line)) verdictSeen = true;
        else if (!line.startsWith('runner: ')) out(`${line}\n`);
      }
    });
    const limits =
      declarations.reduce((sum, one) => sum + one.timeoutSeconds, 0) * (python.length ? 2 : 1);
    const margin = this.options.marginSeconds ?? 30;
    const guard = setTimeout(() => this.stop(chapter, name), (limits + margin) * 1000);
    child.on('close', (exitCode) => {
      clearTimeout(guard);
      void this.finish(run, base, output, exitCode, name, startedMs);
    });
    return run;
  }

  private async finish(
    run: LiveRun,
    base: string,
    output: string,
    exitCode: number | null,
    name: string,
    startedMs: number,
  ): Promise<void> {
    // Whatever the runner left in its group (nothing, when it ended normally) goes with it.
    signalGroup(run.child.pid, 'SIGKILL');
    let rows: ReportRow[] = [];
    try {
      rows = JSON.parse(await readFile(`${base}.json`, 'utf8')) as ReportRow[];
    } catch {}
    await mkdir(liveDir(this.options), { recursive: true });
    await writeFile(`${base}.out.txt`, output);
    const chapter = run.key.split('/')[0] ?? '';
    const traceName = `${chapter}-${name}.svg`;
    const named = rows.map((row) => traceOf(row)?.svg.split('/').pop()).find(Boolean) ?? traceName;
    const file = findTimeline(this.options, named);
    const fresh = file !== undefined && modifiedSince(file, startedMs);
    const first = rows[0];
    this.live.delete(run.key);
    run.emit({
      type: 'end',
      ok: rows.length > 0 && rows.every((row) => row.ok),
      outcomes: rows.map((row) => `${row.ok ? '✓' : '✗'} ${row.outcome}`),
      wallSeconds: first?.wallSeconds ?? null,
      cpuSeconds: first?.cpuSeconds ?? null,
      timeline: fresh ? named : null,
      checks: rows.flatMap((row) => traceOf(row)?.checks ?? []),
      python: pythonText(first),
      exitCode,
    });
  }

  /** Stops a run as Ctrl-C would: SIGINT to the runner, which stops the example and reports it. */
  stop(chapter: string, name: string): boolean {
    const run = this.get(chapter, name);
    if (!run) return false;
    signalGroup(run.child.pid, 'SIGINT');
    // A runner that has not stopped within 5 s gets the second Ctrl-C (it kills at once).
    const again = setTimeout(() => signalGroup(run.child.pid, 'SIGINT'), 5000);
    const last = setTimeout(() => this.kill(run), 10_000);
    void run.done.then(() => {
      clearTimeout(again);
      clearTimeout(last);
    });
    return true;
  }

  private kill(run: LiveRun): void {
    signalGroup(run.child.pid, 'SIGKILL');
  }

  /** Stops every run and waits for each to end (the server is closing). */
  async stopAll(): Promise<void> {
    const runs = [...this.live.values()];
    for (const run of runs) {
      const [chapter = '', name = ''] = run.key.split('/');
      this.stop(chapter, name);
    }
    await Promise.all(runs.map((run) => run.done));
  }
}
