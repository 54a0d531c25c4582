import { describe, expect, it } from 'vitest';
import { compareExamples, comparisonCells } from '../src/comparison.js';
import type { Comparison } from '../src/declare.js';
import type { ReportRow } from '../src/report-row.js';

/** A passing row of chapter12 with this wall time, and optionally its Python twin's. */
function row(example: string, wallSeconds: number, python?: number, ok = true): ReportRow {
  return {
    chapter: 'chapter12',
    example,
    bookFile: `Chapter12/${example}.py`,
    section: 's',
    expected: 'exits',
    outcome: ok ? 'exits' : 'exited 1',
    ok,
    exitCode: ok ? 0 : 1,
    signal: null,
    timedOut: false,
    wallSeconds,
    cpuSeconds: null,
    cpuPerWall: null,
    limitSeconds: 60,
    timeScale: 1,
    wallSamples: [wallSeconds],
    ...(python !== undefined
      ? { python: { status: 'ran' as const, file: 'x.py', outcome: 'exits', wallSeconds: python } }
      : {}),
  };
}

const comparison: Comparison = {
  title: 'Chapter 12: locks against sequential and no locks',
  examples: ['example5', 'example6', 'example7'],
  bookSeconds: [14, 14, 10],
};

describe('compareExamples', () => {
  it("divides each example's time by the first's, for Node, the Python originals and the book", () => {
    const rows = [
      row('example5', 14.2, 14.1),
      row('example6', 14.2, 14.0),
      row('example7', 10.3, 10.0),
    ];
    const report = compareExamples('chapter12', comparison, rows);
    expect(report?.examples.map((entry) => entry.ratio)).toEqual([1, 1, 0.725]);
    expect(report?.examples.map((entry) => entry.python?.ratio)).toEqual([1, 0.993, 0.709]);
    expect(report?.examples.map((entry) => entry.book?.ratio)).toEqual([1, 1, 0.714]);
    expect(comparisonCells(report ?? { title: '', examples: [] })[2]).toEqual([
      'example7',
      '10.30',
      '0.72',
      '10.00',
      '0.71',
      '10.00',
      '0.71',
    ]);
  });

  it('leaves out the Python column without a Python run, and the whole comparison when one example failed or did not run', () => {
    const rows = [row('example5', 14), row('example6', 14), row('example7', 10)];
    expect(compareExamples('chapter12', comparison, rows)?.examples[2]?.python).toBeUndefined();
    expect(compareExamples('chapter12', comparison, rows.slice(0, 2))).toBeNull();
    const failed = [
      row('example5', 14),
      row('example6', 14, undefined, false),
      row('example7', 10),
    ];
    expect(compareExamples('chapter12', comparison, failed)).toBeNull();
    expect(compareExamples('chapter13', comparison, rows)).toBeNull();
  });
});
