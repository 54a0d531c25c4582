import { blue, darkgray, green, plot, yellow } from 'asciichart';
import { amdahlSpeedup, type SpeedupReport } from './amdahl.js';
import { interpolate, maxWorkers } from './chart-series.js';

/** Samples a curve at `columns` evenly spaced worker counts from 1 to `top`, stopping where it ends. */
function sample(
  columns: number,
  top: number,
  at: (workers: number) => number | undefined,
): number[] {
  const values: number[] = [];
  for (let column = 0; column < columns; column++) {
    const value = at(1 + (column * (top - 1)) / (columns - 1));
    if (value === undefined) break;
    values.push(value);
  }
  return values;
}

/**
 * A declared speedup chart for the terminal: the first series' speedup (blue), Amdahl's bound for the
 * fitted parallel fraction (green), the book's measurements (yellow) and linear speedup (grey),
 * against worker count from 1 to the largest count, with a legend. `color: false` for plain text.
 */
export function renderTerminalChart(report: SpeedupReport, color: boolean, columns = 48): string {
  const measured = report.series[0];
  if (!measured) return 'Speedup chart: no timings were measured.';
  const top = maxWorkers(measured.speedup, report.bookSpeedup);
  if (top < 2) return 'Speedup chart: only one worker count was measured.';
  const p = measured.parallelFraction;
  const curves = [
    { color: darkgray, values: sample(columns, top, (n) => n) },
    { color: green, values: sample(columns, top, (n) => amdahlSpeedup(p, n)) },
    {
      color: yellow,
      values: sample(columns, top, (n) => interpolate(report.bookSpeedup ?? [], n)),
    },
    { color: blue, values: sample(columns, top, (n) => interpolate(measured.speedup, n)) },
  ].filter((curve) => curve.values.length > 1);
  const chart = plot(
    curves.map((curve) => curve.values),
    {
      height: 12,
      min: 0,
      colors: color ? curves.map((curve) => curve.color) : [],
      format: (value) => `${value.toFixed(1).padStart(5)} `,
    },
  );
  const points = measured.speedup.map((s) => `${s.workers}:${s.speedup.toFixed(2)}`).join(' ');
  return [
    `${report.title} (x: 1 .. ${top} workers)`,
    chart,
    `  measured ${measured.label} (blue) ${points}; Amdahl bound p = ${p.toFixed(3)} (green); book (yellow); linear (grey)`,
  ].join('\n');
}
