import type { Comparison, ReportRow } from '@mc/runner';

/** One example of a declared comparison: its wall time and its ratio to the first example's. */
export interface ComparedExample {
  readonly example: string;
  readonly wallSeconds: number;
  readonly ratio: number;
  readonly python?: { readonly wallSeconds: number; readonly ratio: number };
  readonly book?: { readonly seconds: number; readonly ratio: number };
}

export interface ComparisonReport {
  readonly title: string;
  readonly examples: readonly ComparedExample[];
}

/**
 * A chapter's declared comparison (Chapter 12: ordered locks, in turn, no locks) from the last
 * rows, as the runner's Markdown report computes it: null unless every example named passed.
 */
export function compareExamples(
  chapter: string,
  comparison: Comparison,
  rows: readonly ReportRow[],
): ComparisonReport | null {
  const found = comparison.examples.map((name) =>
    rows.find((row) => row.chapter === chapter && row.example === name && row.ok),
  );
  if (found.some((row) => row === undefined)) return null;
  const compared = found as ReportRow[];
  const base = compared[0]?.wallSeconds ?? Number.NaN;
  const pythonOf = (row: ReportRow): number | undefined =>
    row.python?.status === 'ran' && !row.python.failure ? row.python.wallSeconds : undefined;
  const pythonBase = compared[0] ? pythonOf(compared[0]) : undefined;
  const bookBase = comparison.bookSeconds?.[0];
  return {
    title: comparison.title,
    examples: compared.map((row, index) => {
      const python = pythonOf(row);
      const book = comparison.bookSeconds?.[index];
      return {
        example: row.example,
        wallSeconds: row.wallSeconds,
        ratio: row.wallSeconds / base,
        ...(python !== undefined && pythonBase
          ? { python: { wallSeconds: python, ratio: python / pythonBase } }
          : {}),
        ...(book !== undefined && bookBase
          ? { book: { seconds: book, ratio: book / bookBase } }
          : {}),
      };
    }),
  };
}
