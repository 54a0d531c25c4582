import { describe, expect, it } from 'vitest';
import { renderTimesSvgChart, renderTimesTerminalChart, secondsAt } from '../src/chart-times.js';
import type { TimesAnalysis, TimingSeries } from '../src/declare.js';
import { timesSection } from '../src/report-markdown.js';
import { analyseTimes } from '../src/times-analysis.js';

/** Reads `Threads N: single S, approximate A` lines, as a chapter's parse would. */
function parse(stdout: string): TimingSeries[] {
  const rows = [
    ...stdout.matchAll(/^Threads (\d+): single ([\d.]+)(?:, approximate ([\d.]+))?$/gm),
  ];
  const series = (label: string, column: number): TimingSeries => ({
    label,
    times: rows
      .filter((row) => row[column] !== undefined)
      .map((row) => ({ workers: Number(row[1]), seconds: Number(row[column]) })),
  });
  return [series('Single counter', 2), series('Approximate counter', 3)];
}

const analysis: TimesAnalysis = {
  kind: 'times',
  title: 'Fixture: time against threads',
  parse,
  bookSeconds: { 'Single counter': [0.11, 0.23, 0.34] },
};

const node =
  'Threads 1: single 0.12, approximate 0.12\nThreads 2: single 0.24, approximate 0.13\nThreads 3: single 0.36, approximate 0.15\n';
// The book's example4 prints no times: only example3's kind of output gives Python a series.
const python = 'Threads 1: single 0.11\nThreads 2: single 0.22\nThreads 3: single 0.35\n';

describe('times analysis', () => {
  it("reads the example's series, the Python twin's beside them, and the book's", () => {
    const report = analyseTimes(analysis, node, python);
    expect(report?.series.map((series) => series.label)).toEqual([
      'Single counter',
      'Approximate counter',
    ]);
    expect(report?.series[1]?.times.map((time) => time.seconds)).toEqual([0.12, 0.13, 0.15]);
    // A series Python did not print is left out, not drawn empty.
    expect(report?.python?.map((series) => series.label)).toEqual(['Python: Single counter']);
    expect(report?.book).toEqual([
      {
        label: 'book: Single counter',
        times: [
          { workers: 1, seconds: 0.11 },
          { workers: 2, seconds: 0.23 },
          { workers: 3, seconds: 0.34 },
        ],
      },
    ]);
  });

  it('gives no chart when the output holds no times or the parse throws', () => {
    expect(analyseTimes(analysis, 'nothing timed\n')).toBeNull();
    const throwing: TimesAnalysis = {
      ...analysis,
      parse: () => {
        throw new Error('bad');
      },
    };
    expect(analyseTimes(throwing, node)).toBeNull();
  });

  it('interpolates between measured thread counts, and not beyond them', () => {
    const series: TimingSeries = {
      label: 's',
      times: [
        { workers: 1, seconds: 1 },
        { workers: 3, seconds: 2 },
      ],
    };
    expect(secondsAt(series, 2)).toBe(1.5);
    expect(secondsAt(series, 3)).toBe(2);
    expect(secondsAt(series, 4)).toBeUndefined();
  });

  it('draws every series in the terminal, with a legend naming each and its times', () => {
    const report = analyseTimes(analysis, node, python);
    if (!report) throw new Error('no report');
    const chart = renderTimesTerminalChart(report, false, 20);
    expect(chart.split('\n')[0]).toBe(
      'Fixture: time against threads (x: 1 .. 3 threads, y: seconds)',
    );
    expect(chart).toContain('  Single counter (blue) 0.12 0.24 0.36');
    expect(chart).toContain('  Approximate counter (red) 0.12 0.13 0.15');
    expect(chart).toContain('  Python: Single counter (cyan) 0.11 0.22 0.35');
    expect(chart).toContain('  book: Single counter (dark grey) 0.11 0.23 0.34');
    expect(chart).not.toContain('\u001b[');
  });

  it('draws an SVG with a line per series and a table of their seconds for the report', () => {
    const report = analyseTimes(analysis, node, python);
    if (!report) throw new Error('no report');
    const svg = renderTimesSvgChart(report);
    expect(svg.match(/<polyline /g)).toHaveLength(4);
    expect(svg).toContain('>Python: Single counter</text>');
    expect(svg).toContain('stroke-dasharray="6 3"');
    const section = timesSection(report);
    expect(section[0]).toBe('## Fixture: time against threads');
    expect(section).toContain(
      '| threads | Single counter s | Approximate counter s | Python: Single counter s | book: Single counter s |',
    );
    expect(section).toContain('| 2 | 0.24 | 0.13 | 0.22 | 0.23 |');
  });
});
