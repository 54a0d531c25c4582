import { numberOption, parseOptions, wholeNumber } from '@mc/core';

/** The book's `COUNT`: CPython counts it down in about 1.1 s. */
export const COUNT = 50_000_000;

/**
 * What these examples count down from by default. V8's compiled loop runs the book's 50,000,000 in
 * about 0.02 s, less than a worker thread takes to start, which would turn the book's comparison
 * upside down; 40 times more takes about 0.5 s on a quiet machine, and the timings then show the
 * lesson. It stays below 2^31, so the whole count and its halves are counted in the same 32-bit
 * integer arithmetic: above it V8 counts in doubles, twice as slowly, and a worker that only ever
 * sees a half below 2^31 would win by more than its parallelism.
 */
export const DEFAULT_COUNT = 40 * COUNT;

/** Reads `--count N` (default `DEFAULT_COUNT`; `--count 50000000` is the book's). */
export function parseCount(argv: readonly string[]): number {
  const usage = `the only option is --count N (the book's: ${COUNT})`;
  const { values } = parseOptions(
    { args: [...argv], options: { count: { type: 'string' } } },
    usage,
  );
  return numberOption('count', values.count, wholeNumber(2, 2 ** 53), usage) ?? DEFAULT_COUNT;
}
