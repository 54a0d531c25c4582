import type { Outcome } from './declare.js';
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
