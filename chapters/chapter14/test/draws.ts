// What Chapter 14's tests need beyond @mc/testing: the book's seeded pauses, and the counter read back.

/**
 * Makes `randint(0, 1)` draw `pauses` in order (as the book's `random.seed(0)` makes Python's
 * draws known) while `work` runs, then puts `Math.random` back: a test gives the book's own
 * `update` the seeded pauses without a hook in the lesson code.
 */
export async function withDraws<T>(pauses: readonly number[], work: () => Promise<T>): Promise<T> {
  const draws = [...pauses];
  const random = Math.random;
  Math.random = () => ((draws.shift() ?? 0) === 1 ? 0.75 : 0.25);
  try {
    return await work();
  } finally {
    Math.random = random;
  }
}

/** The N of a `Final counter: N.` line. */
export function finalCounter(lines: readonly string[]): number {
  const line = lines.find((text) => text.startsWith('Final counter: '));
  return Number(/^Final counter: (\d+)\.$/.exec(line ?? '')?.[1]);
}
