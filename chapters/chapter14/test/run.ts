import { fileURLToPath } from 'node:url';
import { type ExampleRun, type RunExampleOptions, runExample as runCompiled } from '@mc/testing';

/** The time scale of the process tests: the book's 1 s lasts 10 ms. */
export const TIME_SCALE = 0.01;

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs `node dist/<name>.js` of this chapter, as the runner runs it, at the test time scale,
 * killed (code null) after 20 s unless `limitSeconds` says otherwise.
 */
export function runExample(name: string, options: RunExampleOptions = {}): Promise<ExampleRun> {
  return runCompiled(packageDir, name, { timeScale: TIME_SCALE, limitSeconds: 20, ...options });
}

/** The seconds of each `Took  N seconds.` line, in order. */
export function tookSeconds(lines: readonly string[]): number[] {
  return lines
    .map((line) => /^Took {2}(\d+\.\d\d) seconds\.$/.exec(line))
    .filter((match) => match !== null)
    .map((match) => Number(match[1]));
}

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
