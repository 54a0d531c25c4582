import { amdahlSpeedup, type SpeedupPoint, type SpeedupReport } from './amdahl.js';
import { maxWorkers } from './chart-series.js';

const width = 560;
const height = 320;
const margin = { left: 48, right: 16, top: 16, bottom: 64 };

/** Formats a coordinate with at most one decimal. */
const f = (value: number): string => String(Math.round(value * 10) / 10);

/**
 * A declared speedup chart as a small hand-written SVG: the first series' speedup (blue, dots), Amdahl's
 * bound for the fitted parallel fraction (green), the book's measurements (orange, dashed) and
 * linear speedup (grey), against worker count, with axes, ticks and a legend.
 */
export function renderSvgChart(report: SpeedupReport): string {
  const measured = report.series[0];
  if (!measured) return '';
  const top = maxWorkers(measured.speedup, report.bookSpeedup);
  const p = measured.parallelFraction;
  const highest = Math.max(
    2,
    ...measured.speedup.map((point) => point.speedup),
    ...(report.bookSpeedup ?? []).map((point) => point.speedup),
    amdahlSpeedup(p, top),
  );
  const yMax = Math.ceil(highest);
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const x = (workers: number): number =>
    margin.left + (top === 1 ? 0 : ((workers - 1) / (top - 1)) * plotWidth);
  const y = (speedup: number): number => margin.top + plotHeight - (speedup / yMax) * plotHeight;
  const line = (points: readonly SpeedupPoint[]): string =>
    points.map((point) => `${f(x(point.workers))},${f(y(point.speedup))}`).join(' ');
  const amdahl: SpeedupPoint[] = [];
  for (let step = 0; step <= 40; step++) {
    const workers = 1 + (step * (top - 1)) / 40;
    amdahl.push({ workers, speedup: amdahlSpeedup(p, workers) });
  }
  const linear = [
    { workers: 1, speedup: 1 },
    { workers: Math.min(top, yMax), speedup: Math.min(top, yMax) },
  ];
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<line x1="${margin.left}" y1="${f(y(0))}" x2="${width - margin.right}" y2="${f(y(0))}" stroke="black"/>`,
    `<line x1="${margin.left}" y1="${margin.top}" x2="${margin.left}" y2="${f(y(0))}" stroke="black"/>`,
  ];
  for (let workers = 1; workers <= top; workers++) {
    parts.push(
      `<text x="${f(x(workers))}" y="${f(y(0) + 14)}" text-anchor="middle">${workers}</text>`,
    );
  }
  for (let speedup = 0; speedup <= yMax; speedup++) {
    parts.push(
      `<line x1="${margin.left}" y1="${f(y(speedup))}" x2="${width - margin.right}" y2="${f(y(speedup))}" stroke="#eee"/>`,
      `<text x="${margin.left - 6}" y="${f(y(speedup) + 4)}" text-anchor="end">${speedup}</text>`,
    );
  }
  parts.push(
    `<text x="${f(margin.left + plotWidth / 2)}" y="${f(y(0) + 30)}" text-anchor="middle">workers</text>`,
    `<polyline points="${line(linear)}" fill="none" stroke="#999" stroke-dasharray="2 3"/>`,
    `<polyline points="${line(amdahl)}" fill="none" stroke="#2a2" stroke-width="2"/>`,
  );
  if (report.bookSpeedup && report.bookSpeedup.length > 1) {
    parts.push(
      `<polyline points="${line(report.bookSpeedup)}" fill="none" stroke="#e80" stroke-width="1.5" stroke-dasharray="6 3"/>`,
    );
  }
  parts.push(
    `<polyline points="${line(measured.speedup)}" fill="none" stroke="#26c" stroke-width="2"/>`,
  );
  for (const point of measured.speedup) {
    parts.push(
      `<circle cx="${f(x(point.workers))}" cy="${f(y(point.speedup))}" r="3.5" fill="#26c"/>`,
    );
  }
  const legend = [
    ['#26c', `measured speedup (${measured.label})`],
    ['#2a2', `Amdahl bound, fitted p = ${p.toFixed(3)}`],
    ...(report.bookSpeedup ? [['#e80', "book (author's machine)"]] : []),
    ['#999', 'linear'],
  ];
  legend.forEach(([color, label], index) => {
    const lx = margin.left + (index % 2) * 250;
    const ly = height - 22 + Math.floor(index / 2) * 14;
    parts.push(
      `<line x1="${lx}" y1="${ly - 4}" x2="${lx + 18}" y2="${ly - 4}" stroke="${color}" stroke-width="2"/>`,
      `<text x="${lx + 22}" y="${ly}">${label}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}
