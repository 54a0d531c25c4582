import { fileURLToPath } from 'node:url';
import { type ExampleRun, type RunExampleOptions, runExample as runCompiled } from '@mc/testing';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** Runs `node dist/example1.js` with `consumers` consumers per round (PYTHON_CPU_COUNT). */
export function runReduction(
  consumers: number,
  options: RunExampleOptions = {},
): Promise<ExampleRun> {
  return runCompiled(packageDir, 'example1', {
    limitSeconds: 30,
    ...options,
    env: { PYTHON_CPU_COUNT: `${consumers}`, ...options.env },
  });
}

/** What one consumer printed, parsed. */
export interface ConsumerLine {
  readonly kind: 'Using' | 'Running' | 'Reaching' | 'Exiting';
  readonly consumer: number;
  /** The numbers it names: two for Running, one for Reaching. */
  readonly numbers: number[];
}

const patterns: [ConsumerLine['kind'], RegExp][] = [
  ['Using', /^Using process ReductionConsumer-(\d+)\.\.\.$/],
  ['Running', /^Running process ReductionConsumer-(\d+) on numbers (\d+) and (\d+)\.$/],
  ['Reaching', /^Reaching the end with process ReductionConsumer-(\d+) and number (\d+)\.$/],
  ['Exiting', /^Exiting process ReductionConsumer-(\d+)\.$/],
];

/** The consumer lines of a run, parsed; throws on a line of no known format. */
export function parseLines(lines: readonly string[]): ConsumerLine[] {
  return lines
    .filter((line) => !line.startsWith('Final result: '))
    .map((line) => {
      for (const [kind, pattern] of patterns) {
        const match = pattern.exec(line);
        if (match) {
          const [consumer, ...numbers] = match.slice(1).map(Number);
          return { kind, consumer: consumer as number, numbers };
        }
      }
      throw new Error(`unexpected line: ${line}`);
    });
}
