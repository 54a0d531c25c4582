/**
 * Chapter 2's picture: speedup against worker count, and the parallel fraction of Amdahl's law
 * fitted to it. Amdahl: S(N) = 1 / ((1 - p) + p / N) for a program whose fraction p runs in parallel.
 */

/** One worker count's line group from Chapter 2's example1. */
export interface WorkerTiming {
  readonly workers: number;
  /** `Sub took`: time spent collecting the results, in seconds. */
  readonly subTookSeconds: number;
  /** `Took`: the whole pool's life, in seconds. */
  readonly tookSeconds: number;
}

/** A measured point of the speedup curve. */
export interface SpeedupPoint {
  readonly workers: number;
  readonly speedup: number;
}

/** Everything the report shows about Chapter 2's run. */
export interface AmdahlAnalysis {
  readonly timings: readonly WorkerTiming[];
  /** Took(1) / Took(N). */
  readonly speedup: readonly SpeedupPoint[];
  /** Sub took(1) / Sub took(N). */
  readonly subSpeedup: readonly SpeedupPoint[];
  /** Parallel fraction fitted to `speedup`, in [0, 1]. */
  readonly parallelFraction: number;
  /** Parallel fraction fitted to `subSpeedup`, in [0, 1]. */
  readonly subParallelFraction: number;
  /** The book's speedups (its Took(1) / Took(N)), when it prints them. */
  readonly bookSpeedup?: readonly SpeedupPoint[];
}

const groupPattern =
  /Number of workers: (\d+)\.\s*\n\s*Sub took: ([\d.]+) seconds\.\s*\n\s*Took: ([\d.]+) seconds\./g;

/** Reads the `Number of workers` / `Sub took` / `Took` groups Chapter 2's example1 prints. */
export function parseWorkerTimings(stdout: string): WorkerTiming[] {
  return [...stdout.matchAll(groupPattern)].map(([, workers, sub, took]) => ({
    workers: Number(workers),
    subTookSeconds: Number(sub),
    tookSeconds: Number(took),
  }));
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
export function speedups(times: readonly { workers: number; seconds: number }[]): SpeedupPoint[] {
  const base = times.find((time) => time.workers === 1)?.seconds;
  if (base === undefined) return [];
  return times
    .filter((time) => time.seconds > 0)
    .map((time) => ({ workers: time.workers, speedup: base / time.seconds }));
}

/** Parses Chapter 2's output and fits Amdahl's law; null when the output has no timing groups. */
export function analyseAmdahl(
  stdout: string,
  bookTookSeconds?: readonly number[],
): AmdahlAnalysis | null {
  const timings = parseWorkerTimings(stdout);
  const speedup = speedups(timings.map((t) => ({ workers: t.workers, seconds: t.tookSeconds })));
  if (speedup.length === 0) return null;
  const subSpeedup = speedups(
    timings.map((t) => ({ workers: t.workers, seconds: t.subTookSeconds })),
  );
  const bookSpeedup = bookTookSeconds
    ? speedups(bookTookSeconds.map((seconds, index) => ({ workers: index + 1, seconds })))
    : undefined;
  return {
    timings,
    speedup,
    subSpeedup,
    parallelFraction: fitParallelFraction(speedup),
    subParallelFraction: fitParallelFraction(subSpeedup),
    ...(bookSpeedup ? { bookSpeedup } : {}),
  };
}
