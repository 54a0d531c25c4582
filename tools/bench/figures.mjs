// Reads the timings a program prints: by default the book's forms `Took  1.13 seconds.` (Python's
// sign space, no colon), `Time taken:  0.11 seconds.` and `Sub took: 0.7 seconds.` alike. The n-th
// line with a label is keyed `Label#n`, so `Sub took#2` is the second `Sub took` of a run (2
// workers, in Chapter 2). Shared by every script of tools/bench.

/** The default figure: a label, an optional colon, spaces, seconds, ` seconds.` */
export const DEFAULT_PATTERN = String.raw`^(?<label>[^:\n]+?):? +(?<seconds>\d+\.\d+) seconds\.$`;

/**
 * Every figure of one run's output, keyed `label#n` by its occurrence. A figure is a line matching
 * `pattern`, whose named groups are `label` and `seconds`; `seconds` may hold a list
 * (`0.12, 0.23`), read as that label's 1st, 2nd... occurrences.
 */
export function figures(stdout, pattern = DEFAULT_PATTERN) {
  const seen = new Map();
  const found = new Map();
  for (const match of stdout.matchAll(new RegExp(pattern, 'gm'))) {
    const { label, seconds } = match.groups ?? {};
    if (label === undefined || seconds === undefined) continue;
    for (const value of seconds.split(/[\s,]+/).filter((text) => text !== '')) {
      const count = (seen.get(label) ?? 0) + 1;
      seen.set(label, count);
      found.set(`${label}#${count}`, Number(value));
    }
  }
  return found;
}

/** The ratio 'A#i/B#j' of one run's figures (NaN if either is missing). */
export function ratioOf(found, ratio) {
  const [a, b] = ratio.split('/').map((key) => found.get(key));
  return a === undefined || b === undefined ? Number.NaN : a / b;
}
