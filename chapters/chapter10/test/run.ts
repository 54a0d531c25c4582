import { fileURLToPath } from 'node:url';
import { type ExampleRun, type RunExampleOptions, runExample as runCompiled } from '@mc/testing';

export const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** Runs `node dist/<name>.js` of this chapter, as the runner runs it, killed after 40 s. */
export function runExample(
  name: string,
  timeScale: number,
  options: RunExampleOptions = {},
): Promise<ExampleRun> {
  return runCompiled(packageDir, name, { timeScale, limitSeconds: 40, ...options });
}

/** One countdown line: `1.0005 \tA = 3` -> { seconds: 1.0005, label: 'A3', tabs: 1 }. */
export interface CountdownLine {
  seconds: number;
  label: string;
  tabs: number;
}

/**
 * Reads the 19 lines of a countdown program: 9 pairs of separator and counter line, then the
 * separator and `Done.`; throws on any other shape.
 */
export function parseCountdown(lines: readonly string[]): CountdownLine[] {
  const separator = '-'.repeat(40);
  if (lines.length !== 20 || lines.at(-2) !== separator || lines.at(-1) !== 'Done.') {
    throw new Error(`not a countdown output:\n${lines.join('\n')}`);
  }
  const counters: CountdownLine[] = [];
  for (let i = 0; i < 18; i += 2) {
    const match = /^(\d+\.\d{4}) (\t+)([ABC]) = ([123])$/.exec(lines[i + 1] ?? '');
    if (lines[i] !== separator || !match)
      throw new Error(`bad pair: ${lines[i]} / ${lines[i + 1]}`);
    counters.push({
      seconds: Number(match[1]),
      label: `${match[3]}${match[4]}`,
      tabs: (match[2] ?? '').length,
    });
  }
  return counters;
}

/** The sum of the book's sleeps (3 x 1 + 3 x 0.8 + 3 x 0.5) and the longest countdown's. */
export const SUM_OF_SLEEPS = 6.9;
export const LONGEST_COUNTDOWN = 3;
