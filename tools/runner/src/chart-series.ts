import type { SpeedupPoint } from './amdahl.js';

/** Linear interpolation of a speedup curve at `workers`; undefined outside the measured range. */
export function interpolate(points: readonly SpeedupPoint[], workers: number): number | undefined {
  const sorted = [...points].sort((a, b) => a.workers - b.workers);
  for (let index = 0; index < sorted.length; index++) {
    const right = sorted[index];
    if (!right) break;
    if (right.workers === workers) return right.speedup;
    const left = sorted[index - 1];
    if (left && left.workers < workers && workers < right.workers) {
      const t = (workers - left.workers) / (right.workers - left.workers);
      return left.speedup + t * (right.speedup - left.speedup);
    }
  }
  return undefined;
}

/** The largest worker count among the curves, at least 1. */
export function maxWorkers(...curves: readonly (readonly SpeedupPoint[] | undefined)[]): number {
  return Math.max(1, ...curves.flatMap((curve) => curve?.map((point) => point.workers) ?? []));
}
