import { describe, expect, it } from 'vitest';
import {
  amdahlSpeedup,
  analyseAmdahl,
  fitParallelFraction,
  parseWorkerTimings,
} from '../src/amdahl.js';
import { renderSvgChart } from '../src/chart-svg.js';
import { renderTerminalChart } from '../src/chart-terminal.js';

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

  it("parses Chapter 2's lines and fits the book's figures to a p near 0.8", () => {
    const book = [10.49, 5.56, 4.13, 3.48, 3.41, 3.04, 3.16, 3.57];
    const analysis = analyseAmdahl(output(0.75, 8, 4), book);
    expect(analysis?.timings).toHaveLength(4);
    expect(analysis?.parallelFraction).toBeCloseTo(0.75, 3);
    expect(analysis?.subParallelFraction).toBeCloseTo(0.75, 3);
    expect(analysis?.bookSpeedup?.[1]?.speedup).toBeCloseTo(10.49 / 5.56, 10);
    expect(parseWorkerTimings('no timings here')).toEqual([]);
    expect(analyseAmdahl('nothing')).toBeNull();
  });

  it('draws the measured curve, the bound and the book in the terminal and in SVG', () => {
    const analysis = analyseAmdahl(output(0.75, 8, 2), [10.49, 5.56, 4.13]);
    if (!analysis) throw new Error('no analysis');
    const text = renderTerminalChart(analysis, false);
    expect(text).toMatch(/p = 0\.750/);
    expect(text.split('\n').length).toBeGreaterThan(10);
    const svg = renderSvgChart(analysis);
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg.match(/<polyline /g)).toHaveLength(4);
    expect(svg).toMatch(/<\/svg>$/);
  });
});
