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

/**
 * Long enough for a program that blocks to start, block and be looked at twice by core's
 * deadlock watch (every 0.5 s), on a loaded machine.
 */
export const BLOCKED_SECONDS = 4;

/** The seconds `Took N seconds.` says. */
export function took(lines: readonly string[]): number {
  const match = lines.map((line) => /^Took {1,2}(\d+\.\d\d) seconds\.$/.exec(line)).find(Boolean);
  if (!match) throw new Error(`no Took line in ${lines.join(' | ')}`);
  return Number(match[1]);
}
