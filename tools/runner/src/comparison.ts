import type { Comparison } from './declare.js';
import type { ReportRow } from './report-row.js';

/** One example's line of a comparison: its time and its ratio to the first example's. */
export interface ComparedExample {
  readonly example: string;
  readonly wallSeconds: number;
  readonly ratio: number;
  /** The Python original's wall time and ratio, when it ran and matched its declaration. */
  readonly python?: { readonly wallSeconds: number; readonly ratio: number };
  /** The book's figure and its ratio, when the declaration gives it. */
  readonly book?: { readonly seconds: number; readonly ratio: number };
}

/** A declared comparison, computed from one run's rows. */
export interface ComparisonReport {
  readonly title: string;
  readonly examples: readonly ComparedExample[];
}

/** `value / base`, rounded to 3 places; NaN when `base` is not a positive time. */
const ratioOf = (value: number, base: number | undefined): number =>
  base !== undefined && base > 0 ? Math.round((value / base) * 1000) / 1000 : Number.NaN;

/**
 * Computes `comparison` for `chapter` from the run's rows (the first row of each example, which
 * holds the median of its repeats). Null unless every example it names ran and passed: a ratio to
 * a run that failed would teach nothing.
 */
export function compareExamples(
  chapter: string,
  comparison: Comparison,
  rows: readonly ReportRow[],
): ComparisonReport | null {
  const found = comparison.examples.map((name) =>
    rows.find((row) => row.chapter === chapter && row.example === name),
  );
  if (found.some((row) => row === undefined || !row.ok)) return null;
  const compared = found as ReportRow[];
  const first = compared[0];
  const firstPython = first?.python?.failure ? undefined : first?.python?.wallSeconds;
  const firstBook = comparison.bookSeconds?.[0];
  return {
    title: comparison.title,
    examples: compared.map((row, index) => {
      const python = row.python?.status === 'ran' && !row.python.failure ? row.python : undefined;
      const book = comparison.bookSeconds?.[index];
      return {
        example: row.example,
        wallSeconds: row.wallSeconds,
        ratio: ratioOf(row.wallSeconds, first?.wallSeconds),
        ...(python?.wallSeconds !== undefined && firstPython !== undefined
          ? {
              python: {
                wallSeconds: python.wallSeconds,
                ratio: ratioOf(python.wallSeconds, firstPython),
              },
            }
          : {}),
        ...(book !== undefined ? { book: { seconds: book, ratio: ratioOf(book, firstBook) } } : {}),
      };
    }),
  };
}

/** The comparison as table rows: example, wall s, ratio, python s, python ratio, book s, book ratio. */
export function comparisonCells(report: ComparisonReport): string[][] {
  const fixed = (value: number | undefined, digits: number): string =>
    value === undefined || Number.isNaN(value) ? '-' : value.toFixed(digits);
  return report.examples.map((entry) => [
    entry.example,
    fixed(entry.wallSeconds, 2),
    fixed(entry.ratio, 2),
    fixed(entry.python?.wallSeconds, 2),
    fixed(entry.python?.ratio, 2),
    fixed(entry.book?.seconds, 2),
    fixed(entry.book?.ratio, 2),
  ]);
}

/** The header of `comparisonCells`, naming the first example as the divisor. */
export function comparisonHeader(report: ComparisonReport): string[] {
  const base = report.examples[0]?.example ?? 'first';
  return [
    'example',
    'wall s',
    `/ ${base}`,
    'python s',
    `python / ${base}`,
    'book s',
    `book / ${base}`,
  ];
}
