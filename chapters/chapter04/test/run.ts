import { fileURLToPath } from 'node:url';
import { type ExampleRun, type RunExampleOptions, runExample as runCompiled } from '@mc/testing';

export const packageDir = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs `node dist/<name>.js` of this chapter, as the runner runs the programs `src/examples.ts`
 * declares, with stdin closed, at time scale 0.01, killed after `limitSeconds` (50 unless given)
 * so a hang fails the test instead of stalling it.
 */
export function runExample(name: string, options: RunExampleOptions = {}): Promise<ExampleRun> {
  return runCompiled(packageDir, name, { timeScale: 0.01, ...options });
}
