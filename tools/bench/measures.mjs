// The measures of `pnpm bench` (tools/bench/bench.mjs), from the rounds it kept: each round a Map
// side ('node', 'python') -> that run's figures (a Map key -> number). Pure, so that it is tested.
import { median } from '@mc/runner';

/** A figure or a run's ratio of two figures (`A#i/B#j`), from one run's figures. */
export function figureOf(figures, of) {
  if (figures === undefined) return Number.NaN;
  if (figures.has(of)) return figures.get(of);
  const [a, b] = of.split('/');
  return b !== undefined && figures.has(a) && figures.has(b)
    ? figures.get(a) / figures.get(b)
    : Number.NaN;
}

const finite = (list) => list.filter(Number.isFinite);
/** Median and range of a list of samples (null when empty). */
export function summary(list) {
  const samples = finite(list);
  if (samples.length === 0) return null;
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples), samples };
}
export const spreadOf = (s) => (s ? (s.max - s.min) / Math.abs(s.median) : 0);

/** Each measure's figures over the kept rounds (each round a Map side -> figures). */
export function evaluate(measures, rounds) {
  return measures.map((measure) => {
    const twin = summary(rounds.map((round) => figureOf(round.get('node'), measure.of)));
    const original = summary(rounds.map((round) => figureOf(round.get('python'), measure.of)));
    const compared =
      measure.compare === 'twin'
        ? twin
        : summary(
            rounds.map(
              (round) =>
                figureOf(round.get('node'), measure.of) / figureOf(round.get('python'), measure.of),
            ),
          );
    const value = compared?.median;
    const met =
      value === undefined || (measure.atMost === undefined && measure.atLeast === undefined)
        ? null
        : (measure.atMost === undefined || value <= measure.atMost) &&
          (measure.atLeast === undefined || value >= measure.atLeast);
    return { ...measure, twin, original, value: compared, met };
  });
}

/**
 * What ran before a benchmark's kept rounds, not counted: a twin benchmark's one warm-up round
 * (bench.mjs runs it), or what a script benchmark's declaration says its script does (bench.mjs
 * adds no round of its own to a script).
 */
export function warmUpOf(benchmark) {
  if (benchmark.kind === 'twin') return 'one round of each side';
  return benchmark.warmUp ?? 'none added (the script may warm up inside a run)';
}
