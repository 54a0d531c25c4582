// Reads the timings a program prints as `Label: X seconds.` (the book's format): the n-th line with
// a label is keyed `Label#n`, so `Sub took#2` is the second `Sub took` of a run (2 workers, in
// Chapter 2). Shared by every script of tools/bench.

/** Every `Label: X seconds.` figure of one run's output, keyed `Label#n` by its occurrence. */
export function figures(stdout) {
  const seen = new Map();
  const found = new Map();
  for (const line of stdout.split('\n')) {
    const match = /^(.+?): (\d+\.\d+) seconds\.$/.exec(line.trimEnd());
    if (!match) continue;
    const count = (seen.get(match[1]) ?? 0) + 1;
    seen.set(match[1], count);
    found.set(`${match[1]}#${count}`, Number(match[2]));
  }
  return found;
}

/** The ratio 'A#i/B#j' of one run's figures (NaN if either is missing). */
export function ratioOf(found, ratio) {
  const [a, b] = ratio.split('/').map((key) => found.get(key));
  return a === undefined || b === undefined ? Number.NaN : a / b;
}
