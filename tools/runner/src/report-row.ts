import type { SpeedupReport } from './amdahl.js';
import type { ComparisonReport } from './comparison.js';
import type { Overhead } from './overhead.js';
import type { Runtime } from './runtime.js';
import type { TimesReport } from './times-analysis.js';
import type { TraceReport } from './trace-run.js';

/** How an example's Python twin fared under `--python DIR`. */
export interface PythonTwinResult {
  /** `ran`, or `skipped` with a reason. */
  readonly status: 'ran' | 'skipped';
  /** The twin's path. */
  readonly file: string;
  /** Why it was skipped: it would reach the internet. */
  readonly reason?: string;
  /** What it did, in the runner's words (`exits`, `timed out`, ...), checked against the same declared outcome, and for exceptions. */
  readonly outcome?: string;
  readonly exitCode?: number | null;
  /** When its outcome did not match: the exit status and the last line of its stderr. */
  readonly failure?: string;
  /** Median wall seconds over the repeats. */
  readonly wallSeconds?: number;
  readonly cpuSeconds?: number | null;
  /** Python wall time divided by the Node example's wall time. */
  readonly ratio?: number;
}

/** One example's line of the report (the JSON report is an array of these). */
export interface ReportRow {
  /** `chapter03`. */
  readonly chapter: string;
  /** `example4`. */
  readonly example: string;
  /** The declared extra arguments, when there are any (one file may be declared twice with different ones). */
  readonly args?: readonly string[];
  /** `Chapter03/example4.py`. */
  readonly bookFile: string;
  readonly section: string;
  /** The declared outcome: `exits`, `fails EMFILE`, `blocks`. */
  readonly expected: string;
  /** What happened: `exits`, `fails EMFILE`, `blocks`, `timed out`, `exited 1`, `interrupted`, ... */
  readonly outcome: string;
  /** The outcome matched the declaration (on every repeat). */
  readonly ok: boolean;
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly timedOut: boolean;
  /** Median wall-clock seconds over the repeats. */
  readonly wallSeconds: number;
  /** Median user + system CPU seconds of the whole process tree; null when it could not be read. */
  readonly cpuSeconds: number | null;
  /** cpuSeconds / wallSeconds: above 1 means work ran in parallel. */
  readonly cpuPerWall: number | null;
  /** The limit this run had, in seconds. */
  readonly limitSeconds: number;
  /** The BOOK_TIME_SCALE the example ran at. */
  readonly timeScale: number;
  /** Every repeat's wall seconds. */
  readonly wallSamples: readonly number[];
  /** The figure the book prints for this example, when it prints one. */
  readonly bookFigure?: string;
  /** The chart its declaration asks for (`analysis`), computed from its output. */
  readonly analysis?: SpeedupReport | TimesReport;
  readonly python?: PythonTwinResult;
  /** Under `--trace`: the timeline's files and the declared checks judged from it. */
  readonly trace?: TraceReport;
  /** The runner's measured per-example overhead (same on every row of a run), seconds. */
  readonly runnerOverheadSeconds?: number;
  /** The Node version the example ran on (same on every row of a run): `v24.21.0`. */
  readonly node?: string;
  /** The platform it ran on (same on every row of a run): `linux-x64`. */
  readonly platform?: string;
}

/** A whole run: what the terminal summary and the Markdown report are made from. */
export interface RunReport {
  readonly rows: readonly ReportRow[];
  /** The chapters' declared comparisons whose examples all ran and passed. */
  readonly comparisons?: readonly ComparisonReport[];
  readonly overhead: Overhead | null;
  /** The run was stopped by Ctrl-C; `rows` are those finished (or stopped) so far. */
  readonly interrupted: boolean;
  readonly timeScale: number;
  readonly repeat: number;
  /** ISO time the run started. */
  readonly startedAt: string;
  /** The Node, platform and cores the examples ran on. */
  readonly runtime?: Runtime;
  /** Wall seconds of the whole run. */
  readonly totalSeconds: number;
  readonly warnings: readonly string[];
  /** With `--python`: the interpreter the twins ran with, and its version. */
  readonly python?: { readonly bin: string; readonly version: string };
}
