import { fileURLToPath } from 'node:url';
import { type ExampleRun, type RunExampleOptions, runExample as runCompiled } from '@mc/testing';

/** The time scale of the process tests: the book's 1 s lasts 10 ms. */
export const TIME_SCALE = '0.01';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs `node dist/<name>.js` of this chapter, as the runner runs the programs `src/examples.ts`
 * declares, at the test time scale, killed after 20 s unless `limitSeconds` says otherwise.
 */
export function runExample(name: string, options: RunExampleOptions = {}): Promise<ExampleRun> {
  return runCompiled(packageDir, name, { timeScale: TIME_SCALE, limitSeconds: 20, ...options });
}

/** The countdown lines a thread prints, 5 to 1. */
export function countdown(name: string): string[] {
  return [5, 4, 3, 2, 1].map((n) => `Thread ${name} counting down: ${n}...`);
}
