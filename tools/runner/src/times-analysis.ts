/**
 * The `times` analysis a chapter declares (Chapter 16 first): seconds against thread count, one
 * line per series, from the example's output, the Python twin's output and the book's figures.
 */
import type { TimesAnalysis, TimingSeries } from './declare.js';

/** What the runner computed from a declared `times` analysis. */
export interface TimesReport {
  readonly kind: 'times';
  readonly title: string;
  /** The Node example's series, in declared order. */
  readonly series: readonly TimingSeries[];
  /** The Python twin's series, labelled `Python: <label>`, when it ran and printed them. */
  readonly python?: readonly TimingSeries[];
  /** The book's series, labelled `book: <label>`, when the declaration gives them. */
  readonly book?: readonly TimingSeries[];
}

/** The series `parse` finds in `stdout` that have at least one time; none when it throws. */
export function readTimingSeries(analysis: TimesAnalysis, stdout: string): TimingSeries[] {
  try {
    return analysis.parse(stdout).filter((series) => series.times.length > 0);
  } catch {
    return [];
  }
}

/** The same series with their labels prefixed: `Python: Single counter`. */
function labelled(prefix: string, series: readonly TimingSeries[]): TimingSeries[] {
  return series.map(({ label, times }) => ({ label: `${prefix}: ${label}`, times }));
}

/**
 * Computes a declared `times` analysis from the Node example's stdout and, when the Python twin
 * ran, its stdout. Null when the example's output holds no series (nothing to draw).
 */
export function analyseTimes(
  analysis: TimesAnalysis,
  stdout: string,
  pythonStdout?: string,
): TimesReport | null {
  const series = readTimingSeries(analysis, stdout);
  if (series.length === 0) return null;
  const python = pythonStdout === undefined ? [] : readTimingSeries(analysis, pythonStdout);
  const book = Object.entries(analysis.bookSeconds ?? {}).map(([label, seconds]) => ({
    label,
    times: seconds.map((value, index) => ({ workers: index + 1, seconds: value })),
  }));
  return {
    kind: 'times',
    title: analysis.title,
    series,
    ...(python.length > 0 ? { python: labelled('Python', python) } : {}),
    ...(book.length > 0 ? { book: labelled('book', book) } : {}),
  };
}

/** Every series of the report, in drawing order: Node's, then Python's, then the book's. */
export function allSeries(report: TimesReport): TimingSeries[] {
  return [...report.series, ...(report.python ?? []), ...(report.book ?? [])];
}
