/**
 * How a chapter declares its examples: one `src/examples.ts` per chapter, whose default export is
 * `defineChapter({...})`. The runner reads the compiled `dist/examples.js`; tests import it too.
 */

import type { SpanKind } from '@mc/core';

/** What a run of the example must end in for the runner to call it a pass. */
export type Outcome =
  /** Exits with status 0. */
  | { readonly kind: 'exits' }
  /**
   * Exits with a non-zero status and names `error` (an errno such as `EMFILE`, or an error class
   * name such as `DeadlockDetected`) in its output: the failure is the lesson.
   */
  | { readonly kind: 'fails'; readonly error: string }
  /**
   * Is still running when its time limit ends; the runner stops its process tree, and that is the
   * pass. An example that exits before its limit fails this outcome.
   */
  | { readonly kind: 'blocks' }
  /**
   * A server: it never ends by itself. The runner waits for its `listening` line, drives it with
   * the client script, then stops it as a reader would with Ctrl-C (SIGINT). A pass needs every
   * step of the script to succeed while the server stays up, and the server to be gone, its port
   * closed, after the stop.
   */
  | { readonly kind: 'serves'; readonly client: ClientScript };

/** One step of a client session: send text as typed, or wait until the replies contain it. */
export type ClientStep =
  /** Writes this text to the connection, exactly (a telnet line ends in `\r\n`). */
  | { readonly send: string }
  /** Waits until the text received on this connection so far contains the string or matches. */
  | { readonly expect: string | RegExp }
  /** Waits until the server closes this connection (a server that answers once, then closes). */
  | { readonly closed: true }
  /**
   * Waits until the server's own output (stdout, then stderr) contains the string or matches: a
   * server that only logs what it receives, before the next step or before the stop (SIGINT).
   */
  | { readonly serverPrints: string | RegExp };

/** One TCP connection to the server, what a reader would do in telnet. It is closed after its last step. */
export interface ClientSession {
  /** Shown beside the session's output: `client 1`. */
  readonly name: string;
  readonly steps: readonly ClientStep[];
}

/** What drives a server example (outcome `serves`). */
export interface ClientScript {
  /** The line the server prints once it listens; its first capture group is the port (`Serving on .*:(\d+)`). */
  readonly listening: RegExp;
  /**
   * The port the book's program listens on. Under `--python` the original is started once no
   * connection there is in TIME_WAIT, and driven as soon as it listens there (seen in the kernel's
   * tables, not by connecting), even if it prints no listening line.
   */
  readonly bookPort?: number;
  readonly sessions: readonly ClientSession[];
  /** All sessions connect at once and run side by side; otherwise one after the other. */
  readonly together?: boolean;
  /** Each step's limit in seconds at the book's timings (default 5). */
  readonly stepSeconds?: number;
}

/** Input fed to the example's stdin. Without it stdin is empty and closed at once. */
export interface StdinFeed {
  /** The text written to stdin, after which stdin is closed. */
  readonly text: string;
  /** Write only once the example has printed this text (a reader answering a prompt). */
  readonly afterOutput?: string;
}

/** One worker count's time in a series of timings an example prints. */
export interface WorkerTime {
  readonly workers: number;
  readonly seconds: number;
}

/** Timings of one quantity against worker count (Chapter 2: `Took`, and `Sub took`). */
export interface TimingSeries {
  /** What was timed, as the example prints it: `Took`. */
  readonly label: string;
  readonly times: readonly WorkerTime[];
}

/**
 * A speedup chart the runner draws from an example's output: for each series, the speedup
 * T(1) / T(N) against worker count and the parallel fraction of Amdahl's law fitted to it; the
 * first series is drawn (terminal and SVG) with its Amdahl bound, the book's figures and linear
 * speedup, and every series goes in the report's table.
 */
export interface SpeedupAnalysis {
  readonly kind: 'speedup';
  /** The chart's title: `Chapter 2: speedup against workers`. */
  readonly title: string;
  /** Reads the timings from the example's stdout (what the runner captured); none: no chart. */
  readonly parse: (stdout: string) => readonly TimingSeries[];
  /** The book's times of the first series for 1, 2, ... workers (the author's machine), drawn for comparison. */
  readonly bookSeconds?: readonly number[];
}

/**
 * A chart of seconds against thread (or worker) count, one line per series, that the runner draws
 * from an example's output (Chapter 16: the single-lock counter against approximate counters).
 * No fit, no speedup: the curves' shapes are the lesson. When the Python twin runs too, the same
 * `parse` reads its output, and the series it finds are drawn beside, labelled `Python: ...`.
 */
export interface TimesAnalysis {
  readonly kind: 'times';
  /** The chart's title: `Chapter 16: time against threads`. */
  readonly title: string;
  /** Reads the series from stdout (the Node example's, and the Python twin's); none: no chart. */
  readonly parse: (stdout: string) => readonly TimingSeries[];
  /** The book's times per series label, for 1, 2, ... threads, drawn for comparison. */
  readonly bookSeconds?: Readonly<Record<string, readonly number[]>>;
}

/** A picture of an example's run that its chapter asks the runner for. */
export type Analysis = SpeedupAnalysis | TimesAnalysis;

export interface ExampleDeclaration {
  /** The book file's base name, which is also the name of `src/<name>.ts`: `example4`, `my_thread`. */
  readonly name: string;
  /** The book file this mirrors: `Chapter03/example4.py`. */
  readonly bookFile: string;
  /** The book section it belongs to. */
  readonly section: string;
  /** Extra command-line arguments. */
  readonly args?: readonly string[];
  readonly stdin?: StdinFeed;
  /** Limit in seconds at the book's timings (time scale 1). */
  readonly timeoutSeconds: number;
  /**
   * False when a `blocks` example takes its time to block from something other than the book's
   * sleeps, so its limit must not shrink with the time scale (Chapter 12's philosophers pause
   * unscaled milliseconds and freeze after a second or two, at any scale). Default true.
   */
  readonly scaledLimit?: boolean;
  /**
   * The shortest time scale the lesson survives: a run asked for a shorter one (`--time-scale
   * 0.1`) runs at this one, and its outcome says so. For a lesson whose margins are the book's
   * sleeps against costs that do not scale (a child process's start and exit): Chapter 6
   * example5's daemon must still sleep when the main program ends, 1 s of the book's after it.
   */
  readonly minTimeScale?: number;
  readonly outcome: Outcome;
  /**
   * What the example exists to print, whatever its outcome: each string must appear in its stdout
   * or its stderr (where Python's unittest reports), each regular expression must match one of them. Name the deterministic lines (the chapter's spec and
   * tests know them), not timings.
   */
  readonly output?: readonly (string | RegExp)[];
  /**
   * What the example must never print: each string or regular expression is looked for in stdout
   * and in stderr, as `output` is, and a run that prints one fails (`exits, but printed "Deadlock:"`).
   * Name what a faked or broken lesson would print: the philosophers who take their forks in order
   * must never print core's `Deadlock:` report.
   */
  readonly forbiddenOutput?: readonly (string | RegExp)[];
  /**
   * Facts the run must show that no pattern can state: a relation between two figures it prints
   * (`OutputCheck`), or what core's primitives did while it ran (`EventCheck`: two pool workers
   * with a task under way at once). Each must hold, as `output` must, on every run.
   */
  readonly checks?: readonly (OutputCheck | EventCheck)[];
  /**
   * How many runs in all the runner may make until one shows the lesson (default 1), for a
   * phenomenon that is real but not certain on every run: a race that by chance lost no update, two
   * pool workers the machine kept on one core. Only a run that ended as declared, raised nothing,
   * printed nothing forbidden and lacked only a declared `output` or `check` is run again, and the
   * outcome says so (`exits (run 2 of 3; run 1 printed no /.../)`); if no run shows it, it fails.
   */
  readonly attempts?: number;
  /**
   * True when an exception report in the output is part of the lesson. Otherwise a line
   * `Exception in thread X:`, `Unhandled exception in thread started by`, a Python traceback or a
   * JavaScript stack on stderr fails an `exits` or `blocks` run (a `fails` run's error is the lesson).
   */
  readonly expectsException?: boolean;
  /** A chart drawn from this example's output, in the terminal and the Markdown report. */
  readonly analysis?: Analysis;
  /** How the book's original runs beside it under `--python`, where that differs from the twin. */
  readonly python?: PythonOriginal;
  /**
   * What must have happened, judged from the run's trace under `--trace` (and only then): the
   * lesson's mechanism, which printed lines cannot prove. Every check must hold for a pass.
   */
  readonly trace?: readonly TraceCheck[];
}

/** A kind of span in a trace (its `cat`): core's recorder writes them. */
export type { SpanKind };

/** One thing a run's trace must show (see `ExampleDeclaration.trace`). */
export type TraceCheck =
  /**
   * At some instant, spans of this kind were open on at least `lanes` lanes (threads, tasks); with
   * `across: 'isolates'`, on that many worker threads or processes, each with its own engine.
   */
  | {
      readonly overlap: SpanKind;
      readonly lanes: number;
      readonly across?: 'isolates';
      /** Only lanes whose name matches (`/^PoolWorker-/`): the program's main() is a task too. */
      readonly named?: RegExp;
    }
  /** Spans of this kind never overlapped across lanes (matching `named`): one at a time. */
  | { readonly serial: SpanKind; readonly named?: RegExp }
  /** At least this many child processes were started (and traced from their start to exit). */
  | { readonly processes: number }
  /** Some thread waited for the named lock while another thread held it. */
  | { readonly waitsWhileHeld: string }
  /** When the run was stopped, threads waited for locks held by each other, around a cycle. */
  | { readonly cycle: 'lock-wait' };

/**
 * A fact a run's output must show that no single pattern can state (see `checks`).
 *
 * @example { name: 'the pool phase with CPU time above wall time', test: (stdout) => cpuAboveWall(stdout) }
 */
export interface OutputCheck {
  /** What it shows, as a failing run's outcome names it: `the pool phase with CPU above wall`. */
  readonly name: string;
  /** True when the run's stdout shows it. */
  readonly test: (stdout: string) => boolean;
}

/**
 * A fact about what core's primitives did during the run, judged on every run (`--trace` or not)
 * from core's events: the runner has core record the spans of the kind the check reads (and only
 * those, unless `--trace` records everything) and judges `events` as a trace check. For a lesson's
 * mechanism that printed lines cannot show: a pool of one prints the same lines as a pool of two.
 *
 * @example { name: 'two pool workers with a task under way at once', events: { overlap: 'task', lanes: 2, across: 'isolates', named: /^PoolWorker-/ } }
 */
export interface EventCheck {
  /** What it shows, as a failing run's outcome names it: `did not show two pool workers ...`. */
  readonly name: string;
  /** What the run's recorded spans must show (see `TraceCheck`). */
  readonly events: TraceCheck;
}

/** The book's Python original of an example, as `--python` runs it. */
export interface PythonOriginal {
  /** Its arguments, instead of the twin's `args` (which may be options only the twin has). */
  readonly args?: readonly string[];
  /** Why it cannot run here (it needs the book's photographs, a module Debian lacks): reported, not run. */
  readonly skip?: string;
}

/**
 * Examples of one chapter whose wall times the report sets side by side, as ratios to the first
 * (Chapter 12: ordered locks, sequential, no locks), beside the Python originals' and the book's.
 */
export interface Comparison {
  /** The section's title: `Chapter 12: locks against sequential and no locks`. */
  readonly title: string;
  /** Names of the chapter's examples; the first is the one the others are divided by. */
  readonly examples: readonly string[];
  /** What the book prints for each (seconds), in the same order. */
  readonly bookSeconds?: readonly number[];
}

export interface ChapterDeclaration {
  /** Package name, `chapter03`. */
  readonly chapter: string;
  /** The book chapter's title. */
  readonly title: string;
  /** In book order. */
  readonly examples: readonly ExampleDeclaration[];
  /** Timing lessons that span several examples, shown as ratios in the report. */
  readonly comparisons?: readonly Comparison[];
}

/** Identity function that type-checks a chapter's declaration. */
export function defineChapter(declaration: ChapterDeclaration): ChapterDeclaration {
  return declaration;
}
