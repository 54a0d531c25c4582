import { describe, expect, it } from 'vitest';
import { amdahlSpeedup, analyseSpeedup, fitParallelFraction } from '../src/amdahl.js';
import { renderSvgChart } from '../src/chart-svg.js';
import { renderTerminalChart } from '../src/chart-terminal.js';
import type { SpeedupAnalysis, TimingSeries } from '../src/declare.js';

/** What Chapter 2's example1 prints for a program with parallel fraction `p` taking `one` s on one worker. */
function output(p: number, one: number, counts: number): string {
  const lines: string[] = [];
  for (let workers = 1; workers <= counts; workers++) {
    const took = one * (1 - p + p / workers);
    lines.push(`Number of workers: ${workers}.`, `Sub took: ${(took / 2).toFixed(4)} seconds.`);
    lines.push(`Took: ${took.toFixed(4)} seconds.`, '_'.repeat(20));
  }
  return lines.join('\n');
}

/** A chapter's parse, as a declaration gives it: `Took` and `Sub took` per worker count. */
function parse(stdout: string): TimingSeries[] {
  const groups = [
    ...stdout.matchAll(/Number of workers: (\d+)\.\nSub took: ([\d.]+) seconds\.\nTook: ([\d.]+)/g),
  ];
  const series = (label: string, column: number): TimingSeries => ({
    label,
    times: groups.map((group) => ({ workers: Number(group[1]), seconds: Number(group[column]) })),
  });
  return [series('Took', 3), series('Sub took', 2)];
}

const declared = (bookSeconds?: number[]): SpeedupAnalysis => ({
  kind: 'speedup',
  title: 'Fixture: speedup against workers',
  parse,
  ...(bookSeconds ? { bookSeconds } : {}),
});

describe('Amdahl fit', () => {
  it("gives Amdahl's speedup: 1 / ((1 - p) + p / N)", () => {
    expect(amdahlSpeedup(0.5, 2)).toBeCloseTo(4 / 3, 10);
    expect(amdahlSpeedup(1, 8)).toBeCloseTo(8, 10);
    expect(amdahlSpeedup(0, 8)).toBeCloseTo(1, 10);
  });

  it('recovers p exactly from two points: p = 2 (1 - 1/S)', () => {
    const speedup = 1.6;
    expect(
      fitParallelFraction([
        { workers: 1, speedup: 1 },
        { workers: 2, speedup },
      ]),
    ).toBeCloseTo(2 * (1 - 1 / speedup), 10);
  });

  it('recovers p from exact Amdahl speedups over 1..8 workers', () => {
    const points = [1, 2, 3, 4, 5, 6, 7, 8].map((workers) => ({
      workers,
      speedup: amdahlSpeedup(0.9, workers),
    }));
    expect(fitParallelFraction(points)).toBeCloseTo(0.9, 10);
  });

  it('fits the least-squares p of noisy points between their single-point fits', () => {
    const points = [
      { workers: 1, speedup: 1 },
      { workers: 2, speedup: 1.8 },
      { workers: 4, speedup: 2.5 },
    ];
    const p = fitParallelFraction(points);
    const fromTwo = 2 * (1 - 1 / 1.8);
    const fromFour = (1 - 1 / 2.5) / (1 - 1 / 4);
    expect(p).toBeGreaterThan(Math.min(fromTwo, fromFour));
    expect(p).toBeLessThan(Math.max(fromTwo, fromFour));
  });

  it('clamps p to [0, 1] and gives 0 with only one worker count', () => {
    expect(fitParallelFraction([{ workers: 2, speedup: 0.5 }])).toBe(0);
    expect(fitParallelFraction([{ workers: 2, speedup: 3 }])).toBe(1);
    expect(fitParallelFraction([{ workers: 1, speedup: 1 }])).toBe(0);
  });

  it("computes each declared series' speedups and fit, and the book's speedups", () => {
    const book = [10.49, 5.56, 4.13, 3.48, 3.41, 3.04, 3.16, 3.57];
    const report = analyseSpeedup(declared(book), output(0.75, 8, 4));
    expect(report?.title).toBe('Fixture: speedup against workers');
    expect(report?.series.map((series) => series.label)).toEqual(['Took', 'Sub took']);
    expect(report?.series[0]?.times).toHaveLength(4);
    expect(report?.series[0]?.parallelFraction).toBeCloseTo(0.75, 3);
    expect(report?.series[1]?.parallelFraction).toBeCloseTo(0.75, 3);
    expect(report?.bookSpeedup?.[1]?.speedup).toBeCloseTo(10.49 / 5.56, 10);
    expect(analyseSpeedup(declared(), 'nothing')).toBeNull();
  });

  it("gives no chart when the chapter's parse throws, rather than failing the run", () => {
    const throwing: SpeedupAnalysis = {
      kind: 'speedup',
      title: 'broken',
      parse: () => {
        throw new Error('bad output');
      },
    };
    expect(analyseSpeedup(throwing, output(0.75, 8, 2))).toBeNull();
  });

  it('draws the first series, its bound and the book in the terminal and in SVG, titled as declared', () => {
    const report = analyseSpeedup(declared([10.49, 5.56, 4.13]), output(0.75, 8, 2));
    if (!report) throw new Error('no analysis');
    const text = renderTerminalChart(report, false);
    expect(text).toMatch(/^Fixture: speedup against workers/);
    expect(text).toMatch(/p = 0\.750/);
    expect(text.split('\n').length).toBeGreaterThan(10);
    const svg = renderSvgChart(report);
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg.match(/<polyline /g)).toHaveLength(4);
    expect(svg).toMatch(/<\/svg>$/);
  });
});
