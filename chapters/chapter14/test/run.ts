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
