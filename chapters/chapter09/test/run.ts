import { fileURLToPath } from 'node:url';
import { type ExampleRun, runExample as runCompiled } from '@mc/testing';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** Runs `node dist/<name>.js` of this chapter, as the runner runs it, killed after 30 s. */
export function runExample(name: string): Promise<ExampleRun> {
  return runCompiled(packageDir, name, { limitSeconds: 30 });
}

/** The six lines of example1: each check printed whole before the next starts. */
export const SEQUENTIAL_LINES = [
  'Processing 9637529763296797...',
  '9637529763296797 is a prime number.',
  'Processing 427920331...',
  '427920331 is a prime number.',
  'Processing 157...',
  '157 is a prime number.',
];
