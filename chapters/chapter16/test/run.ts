import { fileURLToPath } from 'node:url';
import { type ExampleRun, runExample as runCompiled } from '@mc/testing';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** Runs `node dist/<name>.js` of this chapter, as the runner does, at the given time scale. */
export function runExample(name: string, timeScale: number): Promise<ExampleRun> {
  return runCompiled(packageDir, name, { timeScale, limitSeconds: 30 });
}

/** The three blocks example5 and example6 both print, with the `Current primary value` line of example6 between. */
export const networkBlocks = {
  initial: ['Initial network: {', '\tA: 1;', '}', ''],
  full: ['Full network: {', '\tA: 1;', '\tB: 1;', '\tC: 1;', '}', ''],
  final: ['Final network: {', '\tB: 1;', '\tC: 1;', '}', '', 'Finished.'],
};
