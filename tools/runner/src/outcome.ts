import type { EventCheck, ExampleDeclaration, Outcome, OutputCheck, SpanKind } from './declare.js';
import type { RunResult } from './run-example.js';
import { judge, kindsRead, type Trace } from './trace.js';

/** The result of checking one run against its declared outcome. */
export interface Verdict {
  /** The run matched its declaration. */
  readonly ok: boolean;
  /** What was observed, in a few words: `exits`, `fails EMFILE`, `blocks`, `timed out`, `exited 1`. */
  readonly outcome: string;
  /**
   * Set when the run failed only for want of a declared `output` or `check`: the lesson did not
   * show on this run, and may on another (see the declaration's `attempts`). What was missing.
   */
  readonly missing?: string;
}

/** The declared outcome in the same few words as `Verdict.outcome`: `exits`, `fails EMFILE`, `blocks`. */
export function describeOutcome(outcome: Outcome): string {
  return outcome.kind === 'fails' ? `fails ${outcome.error}` : outcome.kind;
}

/**
 * Checks a run against the declared outcome. `exits` needs status 0 before the limit; `fails` needs
 * a non-zero status and the error's name in stdout or stderr; `blocks` needs the run to be still
 * going at its limit. A run stopped at its limit that should have exited is `timed out`.
 */
export function checkOutcome(expected: Outcome, run: RunResult): Verdict {
  if (run.spawnError !== undefined) return { ok: false, outcome: 'could not start' };
  if (run.interrupted) return { ok: false, outcome: 'interrupted' };
  if (expected.kind === 'blocks') {
    return run.timedOut
      ? { ok: true, outcome: 'blocks' }
      : { ok: false, outcome: `exited ${run.exitCode} before its limit` };
  }
  if (expected.kind === 'serves') return checkServed(run);
  if (run.timedOut) return { ok: false, outcome: 'timed out' };
  if (expected.kind === 'exits') {
    return run.exitCode === 0
      ? { ok: true, outcome: 'exits' }
      : { ok: false, outcome: `exited ${run.exitCode}` };
  }
  if (run.exitCode === 0) return { ok: false, outcome: `exited 0, no ${expected.error}` };
  const named = run.stdout.includes(expected.error) || run.stderr.includes(expected.error);
  return named
    ? { ok: true, outcome: `fails ${expected.error}` }
    : { ok: false, outcome: `exited ${run.exitCode} without ${expected.error}` };
}

/** Python's last word when Ctrl-C ends it: the book's servers stop that way. */
const PYTHON_INTERRUPTED = /KeyboardInterrupt\s*$/;

/**
 * A server run: it listened, the client script succeeded while it stayed up, and SIGINT stopped
 * it (status 0, death by SIGINT, or Python's `KeyboardInterrupt`) with its port closed.
 */
function checkServed(run: RunResult): Verdict {
  const served = run.served;
  if (served?.port === undefined) {
    return {
      ok: false,
      outcome: run.timedOut ? 'never listened' : `exited ${run.exitCode} before listening`,
    };
  }
  if (served.script && !served.script.ok) {
    return { ok: false, outcome: `client failed: ${served.script.failure}` };
  }
  if (run.timedOut && !served.script) return { ok: false, outcome: 'timed out' };
  if (served.exitedWhileServing)
    return { ok: false, outcome: `exited ${run.exitCode} while serving` };
  if (!served.stoppedByInterrupt) return { ok: false, outcome: 'did not stop on SIGINT' };
  const clean =
    run.exitCode === 0 || run.signal === 'SIGINT' || PYTHON_INTERRUPTED.test(run.stderr);
  if (!clean) return { ok: false, outcome: `exited ${run.exitCode} on SIGINT` };
  if (!served.portClosed)
    return { ok: false, outcome: `port ${served.port} still open after the stop` };
  return { ok: true, outcome: 'serves' };
}

/** Lines that report an exception nobody caught, in a thread or in the process. */
const exceptionReports: readonly RegExp[] = [
  /^Exception in thread .*$/m, // core's Thread, and Python's threading
  /^Unhandled exception in thread started by .*$/m, // core's startNewThread, and Python's _thread
  /^Traceback \(most recent call last\):$/m, // Python
];

/** A frame of a JavaScript stack trace: `    at main (file:///x.js:3:9)`. */
const stackFrame = /^\s+at .*:\d+:\d+\)?$/m;

/**
 * The first uncaught exception the run reports, as one line (the report and the line after it,
 * which names the error), or null when there is none: a line of `exceptionReports` on stdout or
 * stderr, or a JavaScript stack on stderr (the line above its first frame).
 */
export function reportedException(run: Pick<RunResult, 'stdout' | 'stderr'>): string | null {
  for (const text of [run.stderr, run.stdout]) {
    for (const pattern of exceptionReports) {
      const match = pattern.exec(text);
      if (!match) continue;
      const next = text.slice(match.index + match[0].length + 1).split('\n')[0] ?? '';
      return `${match[0]} ${next.trim()}`.trim();
    }
  }
  const frame = stackFrame.exec(run.stderr);
  if (!frame) return null;
  const above = run.stderr.slice(0, frame.index).trimEnd().split('\n');
  return above.at(-1)?.trim() || frame[0].trim();
}

/**
 * The first declared output the run printed nowhere, in the words of the declaration, or null.
 * Each entry is looked for in stdout, then in stderr, each stream on its own (Python's unittest
 * and logging write their report to stderr).
 */
export function missingOutput(
  output: readonly (string | RegExp)[] | undefined,
  stdout: string,
  stderr = '',
): string | null {
  const printed = (text: string, expected: string | RegExp): boolean =>
    typeof expected === 'string' ? text.includes(expected) : text.search(expected) !== -1;
  for (const expected of output ?? []) {
    if (printed(stdout, expected) || printed(stderr, expected)) continue;
    return typeof expected === 'string' ? JSON.stringify(expected) : String(expected);
  }
  return null;
}

/**
 * The first forbidden output the run printed, in stdout or stderr, in the words of the
 * declaration, or null when it printed none.
 */
export function forbiddenPrinted(
  forbidden: readonly (string | RegExp)[] | undefined,
  stdout: string,
  stderr = '',
): string | null {
  for (const unwanted of forbidden ?? []) {
    const found = [stdout, stderr].some((text) =>
      typeof unwanted === 'string' ? text.includes(unwanted) : text.search(unwanted) !== -1,
    );
    if (found) return typeof unwanted === 'string' ? JSON.stringify(unwanted) : String(unwanted);
  }
  return null;
}

/**
 * The first declared check the run fails, in words (`two pool workers with a task under way at
 * once (at most 1 at once: PoolWorker-1)`), or null when all hold: an `OutputCheck` on stdout, an `EventCheck` on the
 * run's recorded `trace` (a run that was not recorded fails it: nothing shows what happened).
 */
export function failedCheck(
  checks: readonly (OutputCheck | EventCheck)[] | undefined,
  stdout: string,
  trace?: Trace,
): string | null {
  for (const check of checks ?? []) {
    if ('test' in check) {
      if (!check.test(stdout)) return check.name;
      continue;
    }
    if (trace === undefined) return `${check.name} (not recorded)`;
    const { ok, seen } = judge(check.events, trace);
    if (!ok) return `${check.name} (${seen})`;
  }
  return null;
}

/** The kinds of span a declaration's event checks read: what its runs must record (none: no recording). */
export function eventKinds(checks: readonly (OutputCheck | EventCheck)[] | undefined): SpanKind[] {
  const kinds = new Set<SpanKind>();
  for (const check of checks ?? []) {
    if ('events' in check) for (const kind of kindsRead(check.events)) kinds.add(kind);
  }
  return [...kinds];
}

/** Shortens a quoted piece of output for the one-word-ish outcome column. */
const clip = (text: string, most = 80): string =>
  text.length > most ? `${text.slice(0, most - 1)}…` : text;

/**
 * Checks a run against its whole declaration: the outcome (`checkOutcome`), then what it exists
 * for. An `exits` or `blocks` run that reports an uncaught exception fails unless the declaration
 * `expectsException`; a run that prints a `forbiddenOutput` fails, naming it; a run whose output
 * lacks a declared `output`, or fails one of its `checks` (event checks judged on `trace`, the
 * run's recording), fails naming the first (`missing`).
 */
export function checkRun(
  example: Pick<
    ExampleDeclaration,
    'outcome' | 'output' | 'expectsException' | 'forbiddenOutput' | 'checks'
  >,
  run: RunResult,
  trace?: Trace,
): Verdict {
  const verdict = checkOutcome(example.outcome, run);
  if (!verdict.ok || run.interrupted) return verdict;
  if (example.outcome.kind !== 'fails' && !example.expectsException) {
    // A server's report of the SIGINT that stopped it (Python's KeyboardInterrupt) is not a fault.
    const beforeStop = run.served ? run.stderr.slice(0, run.served.stderrBeforeStop) : run.stderr;
    const exception = reportedException({ stdout: run.stdout, stderr: beforeStop });
    if (exception)
      return { ok: false, outcome: `${verdict.outcome}, but raised: ${clip(exception)}` };
  }
  // What a broken lesson prints (a deadlock report where none may form) fails it, however it ended.
  const forbidden = forbiddenPrinted(example.forbiddenOutput, run.stdout, run.stderr);
  if (forbidden)
    return { ok: false, outcome: `${verdict.outcome}, but printed ${clip(forbidden)}` };
  // A blocks run was stopped at its limit: what it printed by then is all it could print.
  const missing = missingOutput(example.output, run.stdout, run.stderr);
  if (missing) {
    const text = `printed no ${clip(missing)}`;
    return { ok: false, outcome: `${verdict.outcome}, but ${text}`, missing: text };
  }
  const check = failedCheck(example.checks, run.stdout, trace);
  if (check) {
    const text = `did not show ${clip(check, 160)}`;
    return { ok: false, outcome: `${verdict.outcome}, but ${text}`, missing: text };
  }
  return verdict;
}
