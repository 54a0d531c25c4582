/**
 * How a chapter declares its benchmarks, beside its examples: `src/benchmarks.ts`, whose default
 * export is `defineBenchmarks([...])`. `pnpm bench` (tools/bench/bench.mjs) reads the compiled
 * `dist/benchmarks.js`, runs each twin against the book's original alternately and reports every
 * measure against its target.
 */

/**
 * One row of the report. `of` names a figure of one run (`Took#2`, the second `Took` line; `wall`,
 * the run's wall seconds) or the ratio of two (`Sub took#1/Sub took#2`), taken run by run.
 * `compare: 'twin/original'` reports the median over rounds of the twin's value over the
 * original's (the two alternated in each round); `compare: 'twin'` the twin's own median.
 */
export interface BenchmarkMeasure {
  readonly label: string;
  readonly of: string;
  readonly compare: 'twin/original' | 'twin';
  /** The target: the compared value must be at most / at least this. */
  readonly atMost?: number;
  readonly atLeast?: number;
}

/** A twin run beside its original (`DIR/ChapterNN/<example>.py`), round by round. */
export interface TwinBenchmark {
  readonly name: string;
  readonly kind: 'twin';
  /** The example's name: `dist/<example>.js` against the original of the same name. */
  readonly example: string;
  /** A run's figures: named groups `label` and `seconds` (default: the book's `Took: X seconds.`). */
  readonly pattern?: string;
  readonly measures: readonly BenchmarkMeasure[];
}

/**
 * A chapter's own bench script (it starts servers, prepares inputs), which alternates the twin
 * and the original itself and prints one line per run and figure; `line` reads them (named groups
 * `round`, `side`, `value` and, unless `key` names the figure, `key`).
 */
export interface ScriptBenchmark {
  readonly name: string;
  readonly kind: 'script';
  /** The script, from the chapter's folder, and its arguments. */
  readonly script: string;
  readonly args?: readonly string[];
  /** Its arguments for N rounds, `{runs}` replaced. */
  readonly runs: readonly string[];
  /** Its arguments for the original, `{dir}` and `{bin}` replaced; without them it cannot run. */
  readonly python: readonly string[];
  readonly line: RegExp;
  readonly key?: string;
  /** What the script calls each side. */
  readonly sides: { readonly twin: string; readonly original: string };
  /**
   * What the script runs before the rounds it prints, not counted (`pnpm bench` adds no warm-up
   * round of its own to a script), as the report should say it: 'one run of each side'.
   */
  readonly warmUp?: string;
  readonly measures: readonly BenchmarkMeasure[];
}

export type Benchmark = TwinBenchmark | ScriptBenchmark;

/** A chapter's benchmarks, as declared. */
export function defineBenchmarks(benchmarks: readonly Benchmark[]): readonly Benchmark[] {
  return benchmarks;
}
