import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { analyseSpeedup } from './amdahl.js';
import type { BookFigure } from './book-figures.js';
import type { ExampleDeclaration } from './declare.js';
import { effectiveLimit } from './limit.js';
import { checkRun, describeOutcome, eventKinds, type Verdict } from './outcome.js';
import { median } from './overhead.js';
import type { Progress } from './progress.js';
import { DEFAULT_PYTHON, lastStderrLine, planPythonTwin } from './python.js';
import type { PythonTwinResult, ReportRow } from './report-row.js';
import { type RunRequest, type RunResult, runExample, type ServerClient } from './run-example.js';
import { currentRuntime } from './runtime.js';
import type { SelectedExample } from './selection.js';
import { analyseTimes } from './times-analysis.js';
import type { Trace } from './trace.js';
import { Recording, TraceOutput, type TraceReport, traceClock, traceName } from './trace-run.js';

/** How to run a selection. */
export interface RunOptions {
  /** The time scale the examples run at (sets BOOK_TIME_SCALE when `setTimeScale`). */
  readonly timeScale: number;
  /** Whether to pass BOOK_TIME_SCALE to the examples (it was given on the command line). */
  readonly setTimeScale: boolean;
  /** Runs per example; the report shows medians. */
  readonly repeat: number;
  /** `--timeout`: replaces every declared limit. */
  readonly timeoutSeconds?: number;
  /** `--python DIR`: a checkout of the book's code. */
  readonly pythonDir?: string;
  /** `--python-bin`: the interpreter for the twins (default `python3` on PATH). */
  readonly pythonBin?: string;
  /** Pass the examples' output through to this process's stdout/stderr. */
  readonly passThrough: boolean;
  readonly progress?: Progress;
  /** Aborting stops the running example's tree and ends the run (Ctrl-C). */
  readonly signal?: AbortSignal;
  readonly figures?: ReadonlyMap<string, BookFigure>;
  /** Added to every row as `runnerOverheadSeconds`. */
  readonly overheadSeconds?: number;
  /** SIGTERM-to-SIGKILL grace when stopping a tree, ms. */
  readonly graceMs?: number;
  /** `--trace`: record every example into this folder (`reports/traces`), and judge its checks. */
  readonly traceDir?: string;
}

/** The runs of one program, checked, with the run that represents them (a failing one if any). */
interface Repeated {
  readonly runs: readonly RunResult[];
  readonly verdicts: readonly Verdict[];
  readonly representative: number;
  /** The last run's trace, when traced. */
  readonly trace?: TraceReport;
}

/**
 * How one program's runs are recorded: into `recording` (every kind under `--trace`, or the kinds
 * its event checks read), and under `--trace` written out by `output`.
 */
interface Recorded {
  readonly recording: Recording;
  readonly output?: TraceOutput;
}

/**
 * Runs one program until a run shows its lesson, at most the declaration's `attempts` times; a
 * run that needed more than one says so in its outcome, naming what the earlier runs missed.
 */
async function attemptRun(
  request: RunRequest,
  example: ExampleDeclaration,
  options: RunOptions,
  recorded?: Recorded,
): Promise<{ run: RunResult; verdict: Verdict; trace?: Trace }> {
  const most = Math.max(1, example.attempts ?? 1);
  const misses: string[] = [];
  for (let attempt = 1; ; attempt++) {
    recorded?.recording.reset();
    const run = await runExample(request);
    const trace = recorded?.recording.merge(run, traceClock());
    const verdict = checkRun(example, run, trace);
    const again = !verdict.ok && verdict.missing !== undefined && attempt < most;
    if (!again || run.interrupted || options.signal?.aborted) {
      const kept = trace ? { trace } : {};
      if (misses.length === 0) return { run, verdict, ...kept };
      const earlier = misses
        .map((miss, index) => `run ${index + 1} ${miss === verdict.missing ? 'the same' : miss}`)
        .join('; ');
      const outcome = `${verdict.outcome} (run ${attempt} of ${most}; ${earlier})`;
      return { run, verdict: { ...verdict, outcome }, ...kept };
    }
    misses.push(verdict.missing as string);
  }
}

/** Runs one program `repeat` times (fewer if interrupted). */
async function repeatRuns(
  request: RunRequest,
  example: ExampleDeclaration,
  options: RunOptions,
  recorded?: Recorded,
): Promise<Repeated> {
  const runs: RunResult[] = [];
  const verdicts: Verdict[] = [];
  let trace: TraceReport | undefined;
  for (let index = 0; index < options.repeat; index++) {
    const attempt = await attemptRun(request, example, options, recorded);
    const { run, verdict } = attempt;
    runs.push(run);
    trace = attempt.trace && recorded?.output?.write(attempt.trace);
    verdicts.push(withTraceChecks(verdict, trace));
    if (run.interrupted || options.signal?.aborted) break;
  }
  const failing = verdicts.findIndex((verdict) => !verdict.ok);
  const walls = runs.map((run) => run.wallSeconds);
  const middle = median(walls);
  const closest = walls.reduce(
    (best, wall, index) =>
      Math.abs(wall - middle) < Math.abs((walls[best] ?? 0) - middle) ? index : best,
    0,
  );
  return {
    runs,
    verdicts,
    representative: failing >= 0 ? failing : closest,
    ...(trace ? { trace } : {}),
  };
}

/**
 * How an example's runs are recorded: everything under `--trace` (and written out), or only the
 * kinds its event checks read, or not at all.
 */
function recordingFor(
  example: ExampleDeclaration,
  options: RunOptions,
  names: () => { name: string; title: string },
): Recorded | undefined {
  if (options.traceDir) {
    const { name, title } = names();
    const output = new TraceOutput(options.traceDir, name, title, example.trace ?? []);
    return { recording: new Recording(), output };
  }
  const kinds = eventKinds(example.checks);
  return kinds.length > 0 ? { recording: new Recording(kinds) } : undefined;
}

/** A run that printed the right lines but whose trace fails a declared check does not pass. */
function withTraceChecks(verdict: Verdict, trace: TraceReport | undefined): Verdict {
  const failed = trace?.checks.filter((check) => !check.ok) ?? [];
  if (failed.length === 0 || !verdict.ok) return verdict;
  const missed = failed.map((check) => `${check.check} (${check.seen})`).join('; ');
  return { ok: false, outcome: `${verdict.outcome}, but the trace did not show ${missed}` };
}

/** Median CPU over runs, or null if any run's CPU is unknown. */
function medianCpu(runs: readonly RunResult[]): number | null {
  const cpus = runs.map((run) => run.cpuSeconds);
  return cpus.every((cpu) => cpu !== null) ? median(cpus as number[]) : null;
}

/** What a Python twin did, and what it printed (its representative run's stdout, for an analysis). */
interface PythonTwinRun {
  readonly result: PythonTwinResult;
  readonly stdout?: string;
}

/** Runs the Python twin of one example, or says why not. */
async function runPythonTwin(
  selected: SelectedExample,
  limitSeconds: number,
  nodeWall: number,
  options: RunOptions,
): Promise<PythonTwinRun | undefined> {
  if (!options.pythonDir) return undefined;
  const { chapter, example } = selected;
  const plan = await planPythonTwin(options.pythonDir, chapter.name, example.name);
  if (plan.kind === 'absent') return undefined;
  if (example.python?.skip) {
    return { result: { status: 'skipped', file: plan.file, reason: example.python.skip } };
  }
  if (plan.kind === 'skip') {
    return { result: { status: 'skipped', file: plan.file, reason: plan.reason } };
  }
  options.progress?.start(`${chapter.name}/${example.name} (python)`, limitSeconds);
  const repeated = await repeatRuns(
    {
      command: options.pythonBin ?? DEFAULT_PYTHON,
      args: ['-u', plan.file, ...(example.python?.args ?? example.args ?? [])],
      cwd: dirname(plan.file),
      ...(example.stdin ? { stdin: example.stdin } : {}),
      limitSeconds,
      ...passThrough(options),
      ...serverClient(example, options, true),
    },
    // The original is checked for its outcome and its exceptions, not for the twin's declared
    // lines, forbidden lines or checks: those name what the twin prints, and a Node twin may
    // print more (its own lines).
    { ...example, output: [], forbiddenOutput: [], checks: [] },
    options,
  );
  const run = repeated.runs[repeated.representative] as RunResult;
  const verdict = repeated.verdicts[repeated.representative];
  const wallSeconds = median(repeated.runs.map((r) => r.wallSeconds));
  // Whatever stopped it (a module not installed, a different output), said as it happened.
  const lastLine = lastStderrLine(run.stderr);
  const failure = verdict?.ok
    ? undefined
    : (run.spawnError ?? `exit ${run.exitCode}${lastLine ? `: ${lastLine}` : ''}`);
  return {
    result: {
      status: 'ran',
      file: plan.file,
      outcome: verdict?.outcome ?? '',
      exitCode: run.exitCode,
      ...(failure ? { failure } : {}),
      wallSeconds,
      cpuSeconds: medianCpu(repeated.runs),
      ratio: nodeWall > 0 ? wallSeconds / nodeWall : Number.NaN,
    },
    stdout: run.stdout,
  };
}

/**
 * For a server example, the client that drives it: the Python original on the book's port when
 * the declaration names one, and its side of the exchange shown beside the server's output.
 */
function serverClient(
  example: ExampleDeclaration,
  options: RunOptions,
  python: boolean,
): { client?: ServerClient } {
  if (example.outcome.kind !== 'serves') return {};
  const script = example.outcome.client;
  const port = python ? script.bookPort : undefined;
  const onLine = (line: string): void => {
    if (!options.passThrough) return;
    const text = `${line}\n`;
    options.progress?.output(Buffer.from(text));
    process.stdout.write(text);
  };
  return { client: { script, onLine, ...(port !== undefined ? { port } : {}) } };
}

/** The output callbacks for pass-through, erasing the spinner before each chunk. */
function passThrough(
  options: RunOptions,
): Pick<RunRequest, 'onStdout' | 'onStderr' | 'signal' | 'graceMs'> {
  const extra = {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.graceMs !== undefined ? { graceMs: options.graceMs } : {}),
  };
  if (!options.passThrough) return extra;
  return {
    ...extra,
    onStdout: (chunk) => {
      options.progress?.output(chunk);
      process.stdout.write(chunk);
    },
    onStderr: (chunk) => {
      options.progress?.output(chunk);
      process.stderr.write(chunk);
    },
  };
}

/**
 * Runs each selected example (and its Python twin) in order, checks it, and returns a row per
 * example run. Stops after the current example when `signal` aborts; that example's row says
 * `interrupted`.
 */
export async function runSelection(
  selection: readonly SelectedExample[],
  options: RunOptions,
): Promise<ReportRow[]> {
  const rows: ReportRow[] = [];
  const { node, platform } = currentRuntime();
  for (const selected of selection) {
    if (options.signal?.aborted) break;
    const { chapter, example } = selected;
    const key = `${chapter.name}/${example.name}`;
    // A lesson that does not survive a shorter time scale runs at its own floor.
    const raised = options.timeScale < (example.minTimeScale ?? 0);
    const timeScale = raised ? (example.minTimeScale as number) : options.timeScale;
    const limitSeconds = effectiveLimit(example, timeScale, options.timeoutSeconds);
    const script = join(chapter.dir, 'dist', `${example.name}.js`);
    const figure = options.figures?.get(key);
    const base = {
      chapter: chapter.name,
      example: example.name,
      ...(example.args && example.args.length > 0 ? { args: example.args } : {}),
      bookFile: example.bookFile,
      section: example.section,
      expected: describeOutcome(example.outcome),
      limitSeconds,
      timeScale,
      node,
      platform,
      ...(figure ? { bookFigure: figure.text } : {}),
      ...(options.overheadSeconds !== undefined
        ? { runnerOverheadSeconds: options.overheadSeconds }
        : {}),
    };
    if (!existsSync(script)) {
      const row: ReportRow = {
        ...base,
        outcome: `not built (no dist/${example.name}.js)`,
        ok: false,
        exitCode: null,
        signal: null,
        timedOut: false,
        wallSeconds: 0,
        cpuSeconds: null,
        cpuPerWall: null,
        wallSamples: [],
      };
      options.progress?.finish(row);
      rows.push(row);
      continue;
    }
    options.progress?.start([key, ...(example.args ?? [])].join(' '), limitSeconds);
    const twice = chapter.declaration.examples.filter((e) => e.name === example.name).length > 1;
    const recorded = recordingFor(example, options, () => ({
      name: traceName(chapter.name, example, twice),
      title: `${[key, ...(example.args ?? [])].join(' ')}: ${example.bookFile}, time scale ${timeScale}`,
    }));
    const repeated = await repeatRuns(
      {
        command: process.execPath,
        args: [script, ...(example.args ?? [])],
        cwd: chapter.dir,
        env: {
          ...(options.setTimeScale || raised ? { BOOK_TIME_SCALE: String(timeScale) } : {}),
          ...recorded?.recording.environment(),
        },
        ...(example.stdin ? { stdin: example.stdin } : {}),
        limitSeconds,
        ...passThrough(options),
        ...serverClient(example, options, false),
      },
      example,
      options,
      recorded,
    );
    recorded?.recording.dispose();
    const run = repeated.runs[repeated.representative] as RunResult;
    const verdict = repeated.verdicts[repeated.representative] as Verdict;
    const wallSamples = repeated.runs.map((r) => Math.round(r.wallSeconds * 1000) / 1000);
    const wallSeconds = median(wallSamples);
    const cpuSeconds = medianCpu(repeated.runs);
    const interrupted = run.interrupted || options.signal?.aborted === true;
    const twin = interrupted
      ? undefined
      : await runPythonTwin(selected, limitSeconds, wallSeconds, options);
    const python = twin?.result;
    const declared = example.analysis;
    const analysis =
      declared?.kind === 'speedup'
        ? analyseSpeedup(declared, run.stdout)
        : declared?.kind === 'times'
          ? analyseTimes(declared, run.stdout, twin?.stdout)
          : null;
    const row: ReportRow = {
      ...base,
      outcome: raised
        ? `${verdict.outcome} (at time scale ${timeScale}, its floor)`
        : verdict.outcome,
      ok: repeated.verdicts.every((v) => v.ok) && repeated.runs.length === options.repeat,
      exitCode: run.exitCode,
      signal: run.signal,
      timedOut: run.timedOut,
      wallSeconds,
      cpuSeconds,
      cpuPerWall:
        cpuSeconds !== null && wallSeconds > 0
          ? Math.round((cpuSeconds / wallSeconds) * 1000) / 1000
          : null,
      wallSamples,
      ...(analysis ? { analysis } : {}),
      ...(python ? { python } : {}),
      ...(repeated.trace ? { trace: repeated.trace } : {}),
    };
    options.progress?.finish(row);
    rows.push(row);
  }
  return rows;
}
