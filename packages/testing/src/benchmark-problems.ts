import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One measure of a declared benchmark (see `@mc/runner`'s `BenchmarkMeasure`). */
export interface DeclaredMeasure {
  readonly label: string;
  readonly of: string;
  readonly compare: string;
  readonly atMost?: number;
  readonly atLeast?: number;
}

/** The part of a chapter's `src/benchmarks.ts` these checks read (`@mc/runner`'s `Benchmark`). */
export type DeclaredBenchmark =
  | {
      readonly name: string;
      readonly kind: 'twin';
      readonly example: string;
      readonly pattern?: string;
      readonly measures: readonly DeclaredMeasure[];
    }
  | {
      readonly name: string;
      readonly kind: 'script';
      readonly script: string;
      readonly runs: readonly string[];
      readonly python: readonly string[];
      readonly line: RegExp;
      readonly key?: string;
      readonly sides: { readonly twin: string; readonly original: string };
      readonly measures: readonly DeclaredMeasure[];
    };

/** The named groups a pattern has. */
function groupsOf(pattern: RegExp): Set<string> {
  return new Set(
    [...pattern.source.matchAll(/\(\?<([A-Za-z_$][\w$]*)>/g)].map(([, name]) => name as string),
  );
}

/**
 * Why `figure` cannot be one figure of this benchmark, or null. A twin's figure label must appear
 * in its example's source (`source`, when there is one), where the line that prints it is written.
 */
function badOneFigure(
  benchmark: DeclaredBenchmark,
  figure: string,
  source: string | undefined,
): string | null {
  if (benchmark.kind === 'script') {
    return benchmark.key === undefined || figure === benchmark.key
      ? null
      : `'${figure}' is not the script's one figure '${benchmark.key}'`;
  }
  if (figure === 'wall') return null;
  const label = /^([^#]+)#[1-9]\d*$/.exec(figure)?.[1];
  if (label === undefined) return `'${figure}' is not 'wall' nor a figure 'Label#n'`;
  if (source !== undefined && !source.includes(label)) {
    return `'${label}' is printed nowhere in the example's source`;
  }
  return null;
}

/** Why a measure's `of` names neither a figure nor the ratio `A/B` of two, as `pnpm bench` reads it. */
function badFigure(
  benchmark: DeclaredBenchmark,
  of: string,
  source: string | undefined,
): string | null {
  const whole = badOneFigure(benchmark, of, source);
  if (whole === null) return null;
  const parts = of.split('/');
  if (parts.length !== 2) return whole;
  // A ratio: the first part that is no figure says why (a whole that is none of them: the whole).
  const problems = parts.map((part) => badOneFigure(benchmark, part, source));
  if (problems.every((problem) => problem !== null)) return whole;
  return problems.find((problem) => problem !== null) ?? null;
}

/**
 * What is wrong with a chapter's benchmark declarations (`src/benchmarks.ts`, read by `pnpm
 * bench`), one sentence per problem (none: an empty list): each benchmark has a name of its own
 * and at least one measure; a twin names an example with a `src/<example>.ts`, and its `pattern`,
 * if any, reads `label` and `seconds`; a script exists in the package, its `line` reads `round`,
 * `side` and `value` (and `key`, unless the benchmark names its one figure), its `runs` take
 * `{runs}` and its `python` arguments `{dir}`, and its two sides have two names; every measure
 * names a figure the benchmark can have (`wall`, `Label#n` with the label written in the twin's
 * source, the script's key, or the ratio of two), compares a known way, and sets its targets as numbers, at least one below at most. `pnpm
 * bench` would only find such a slip after minutes of runs; the chapter's tests find it at once.
 *
 * @example expect(benchmarkProblems(benchmarks, packageDir)).toEqual([])
 */
export function benchmarkProblems(
  benchmarks: readonly DeclaredBenchmark[],
  packageDir: string,
): string[] {
  const problems: string[] = [];
  if (benchmarks.length === 0) problems.push('no benchmark is declared');
  const names = new Set<string>();
  for (const benchmark of benchmarks) {
    const { name } = benchmark;
    let source: string | undefined;
    if (name.trim() === '') problems.push('a benchmark has no name');
    if (names.has(name)) problems.push(`${name}: two benchmarks have this name`);
    names.add(name);
    if (benchmark.kind === 'twin') {
      const file = join(packageDir, 'src', `${benchmark.example}.ts`);
      if (existsSync(file)) source = readFileSync(file, 'utf8');
      else problems.push(`${name}: there is no src/${benchmark.example}.ts`);
      if (benchmark.pattern !== undefined) {
        let groups = new Set<string>();
        try {
          groups = groupsOf(new RegExp(benchmark.pattern));
        } catch (error) {
          problems.push(`${name}: its pattern is no regular expression: ${String(error)}`);
        }
        for (const group of ['label', 'seconds']) {
          if (!groups.has(group)) problems.push(`${name}: its pattern has no group '${group}'`);
        }
      }
    } else if (benchmark.kind === 'script') {
      if (!existsSync(join(packageDir, benchmark.script))) {
        problems.push(`${name}: there is no ${benchmark.script}`);
      }
      const groups = groupsOf(benchmark.line);
      const needed = ['round', 'side', 'value', ...(benchmark.key === undefined ? ['key'] : [])];
      for (const group of needed) {
        if (!groups.has(group)) problems.push(`${name}: its line has no group '${group}'`);
      }
      if (!benchmark.runs.some((arg) => arg.includes('{runs}'))) {
        problems.push(`${name}: its runs arguments never say {runs}`);
      }
      if (!benchmark.python.some((arg) => arg.includes('{dir}'))) {
        problems.push(`${name}: its python arguments never say {dir}`);
      }
      const { twin, original } = benchmark.sides;
      if (twin === '' || original === '' || twin === original) {
        problems.push(`${name}: its sides need two names ('${twin}', '${original}')`);
      }
    } else {
      problems.push(`${name}: unknown kind '${(benchmark as { kind: string }).kind}'`);
    }
    if (benchmark.measures.length === 0) problems.push(`${name}: no measure`);
    const labels = new Set<string>();
    for (const measure of benchmark.measures) {
      const where = `${name}, '${measure.label}'`;
      if (labels.has(measure.label)) problems.push(`${where}: two measures have this label`);
      labels.add(measure.label);
      const figure = badFigure(benchmark, measure.of, source);
      if (figure) problems.push(`${where}: ${figure}`);
      if (measure.compare !== 'twin/original' && measure.compare !== 'twin') {
        problems.push(`${where}: compare is '${measure.compare}', not 'twin/original' or 'twin'`);
      }
      for (const bound of [measure.atMost, measure.atLeast]) {
        if (bound !== undefined && !Number.isFinite(bound)) {
          problems.push(`${where}: a target that is not a number`);
        }
      }
      if (
        measure.atMost !== undefined &&
        measure.atLeast !== undefined &&
        measure.atLeast > measure.atMost
      ) {
        problems.push(`${where}: at least ${measure.atLeast} but at most ${measure.atMost}`);
      }
    }
  }
  return problems;
}
