import type { ExampleDeclaration, Outcome } from './declare.js';
import type { RunResult } from './run-example.js';

/** The result of checking one run against its declared outcome. */
export interface Verdict {
  /** The run matched its declaration. */
  readonly ok: boolean;
  /** What was observed, in a few words: `exits`, `fails EMFILE`, `blocks`, `timed out`, `exited 1`. */
  readonly outcome: string;
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
  if (expected.kind === 'serves') return { ok: false, outcome: 'serves: not driven yet' };
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

/** The first declared output the run's stdout lacks, in the words of the declaration, or null. */
export function missingOutput(
  output: readonly (string | RegExp)[] | undefined,
  stdout: string,
): string | null {
  for (const expected of output ?? []) {
    const found =
      typeof expected === 'string' ? stdout.includes(expected) : stdout.search(expected) !== -1;
    if (!found) return typeof expected === 'string' ? JSON.stringify(expected) : String(expected);
  }
  return null;
}

/** Shortens a quoted piece of output for the one-word-ish outcome column. */
const clip = (text: string, most = 80): string =>
  text.length > most ? `${text.slice(0, most - 1)}…` : text;

/**
 * Checks a run against its whole declaration: the outcome (`checkOutcome`), then what it exists
 * for. An `exits` or `blocks` run that reports an uncaught exception fails unless the declaration
 * `expectsException`; any run whose stdout lacks a declared `output` fails, naming the first missing.
 */
export function checkRun(
  example: Pick<ExampleDeclaration, 'outcome' | 'output' | 'expectsException'>,
  run: RunResult,
): Verdict {
  const verdict = checkOutcome(example.outcome, run);
  if (!verdict.ok || run.interrupted) return verdict;
  if (example.outcome.kind !== 'fails' && !example.expectsException) {
    const exception = reportedException(run);
    if (exception)
      return { ok: false, outcome: `${verdict.outcome}, but raised: ${clip(exception)}` };
  }
  // A blocks run was stopped at its limit: what it printed by then is all it could print.
  const missing = missingOutput(example.output, run.stdout);
  if (missing) return { ok: false, outcome: `${verdict.outcome}, but printed no ${clip(missing)}` };
  return verdict;
}
