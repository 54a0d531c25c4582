/**
 * Speedup against worker count, and the parallel fraction of Amdahl's law fitted to it, for the
 * `speedup` analysis a chapter declares (Chapter 2's example1 first). Amdahl: S(N) = 1 / ((1 - p) +
 * p / N) for a program whose fraction p runs in parallel.
 */
import type { SpeedupAnalysis, TimingSeries, WorkerTime } from './declare.js';

/** A measured point of the speedup curve. */
export interface SpeedupPoint {
  readonly workers: number;
  readonly speedup: number;
}

/** One series of a speedup analysis, as the report shows it. */
export interface SeriesSpeedup {
  /** What was timed: `Took`. */
  readonly label: string;
  readonly times: readonly WorkerTime[];
  /** T(1) / T(N). */
  readonly speedup: readonly SpeedupPoint[];
  /** Parallel fraction of Amdahl's law fitted to `speedup`, in [0, 1]. */
  readonly parallelFraction: number;
}

/** What the runner computed from a `speedup` analysis a chapter declared. */
export interface SpeedupReport {
  readonly kind: 'speedup';
  readonly title: string;
  /** In declared order; the first is the one drawn. */
  readonly series: readonly SeriesSpeedup[];
  /** The book's speedups of the first series, when the declaration gives its times. */
  readonly bookSpeedup?: readonly SpeedupPoint[];
}

/** Amdahl's bound: the speedup on `workers` workers of a program with parallel fraction `p`. */
export function amdahlSpeedup(p: number, workers: number): number {
  return 1 / (1 - p + p / workers);
}

/**
 * Fits the parallel fraction p by least squares on Amdahl's law linearised: 1 - 1/S = p (1 - 1/N),
 * a line through the origin, so p = Σxy / Σx² with x = 1 - 1/N and y = 1 - 1/S. With the two points
 * N = 1, 2 this is exactly p = 2 (1 - 1/S). Clamped to [0, 1]; 0 when no point has N > 1.
 */
export function fitParallelFraction(points: readonly SpeedupPoint[]): number {
  let sxy = 0;
  let sxx = 0;
  for (const { workers, speedup } of points) {
    if (!(workers > 0) || !(speedup > 0)) continue;
    const x = 1 - 1 / workers;
    sxy += x * (1 - 1 / speedup);
    sxx += x * x;
  }
  if (sxx === 0) return 0;
  return Math.min(1, Math.max(0, sxy / sxx));
}

/** Speedups relative to the one-worker time: T(1) / T(N). Empty when there is no one-worker time. */
export function speedups(times: readonly WorkerTime[]): SpeedupPoint[] {
  const base = times.find((time) => time.workers === 1)?.seconds;
  if (base === undefined) return [];
  return times
    .filter((time) => time.seconds > 0)
    .map((time) => ({ workers: time.workers, speedup: base / time.seconds }));
}

/**
 * Computes what a declared speedup analysis asks for from a run's stdout: each series' speedups and
 * fitted parallel fraction, and the book's speedups. Null when the output holds no series with a
 * one-worker time (nothing to draw), or when the chapter's `parse` throws.
 */
export function analyseSpeedup(analysis: SpeedupAnalysis, stdout: string): SpeedupReport | null {
  let parsed: readonly TimingSeries[];
  try {
    parsed = analysis.parse(stdout);
  } catch {
    return null;
  }
  const series = parsed
    .map((one) => {
      const speedup = speedups(one.times);
      return {
        label: one.label,
        times: one.times,
        speedup,
        parallelFraction: fitParallelFraction(speedup),
      };
    })
    .filter((one) => one.speedup.length > 0);
  if (series.length === 0) return null;
  const bookSpeedup = analysis.bookSeconds
    ? speedups(analysis.bookSeconds.map((seconds, index) => ({ workers: index + 1, seconds })))
    : undefined;
  return {
    kind: 'speedup',
    title: analysis.title,
    series,
    ...(bookSpeedup ? { bookSpeedup } : {}),
  };
}
