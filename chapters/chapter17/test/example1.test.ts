import {
  exampleRunner,
  numberAfter,
  oneCpuReason,
  packageDirOf,
  testBadArguments,
} from '@mc/testing';
import { describe, expect, it } from 'vitest';

const packageDir = packageDirOf(import.meta.url);
const runExample = exampleRunner(import.meta.url, { limitSeconds: 30 });

const TOTAL = 1_000_000;

describe('example1.py', () => {
  it('loses updates when workers increment in two atomic steps, released together', async (context) => {
    context.skip(oneCpuReason() !== undefined, oneCpuReason());
    // The workers must run at the same moment to collide: on a loaded machine one run may find
    // them taking turns, so up to three runs, and one shortfall proves the race.
    const finals: number[] = [];
    for (let attempt = 0; attempt < 3 && !finals.some((final) => final < TOTAL); attempt++) {
      const run = await runExample('example1');
      expect(run.code).toBe(0);
      expect(run.lines.slice(1)).toEqual([
        `Final value: ${numberAfter(run.lines, 'Final value:')}.`,
        'Finished.',
      ]);
      finals.push(numberAfter(run.lines, 'Final value:'));
    }
    expect(finals.every((final) => final > 0 && final <= TOTAL)).toBe(true);
    expect(Math.min(...finals)).toBeLessThan(TOTAL);
  });

  it('never loses one with Atomics.add', async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const run = await runExample('example1', { args: ['--increment', 'atomic'] });
      expect(run.lines).toEqual([
        '4 workers, 1000000 increments (atomic), released together.',
        'Final value: 1000000.',
        'Finished.',
      ]);
    }
  });

  it("runs the book's 1000 increments as four workers of 250", async () => {
    const run = await runExample('example1', {
      args: ['--operations', '1000', '--increment', 'atomic'],
    });
    expect(run.stdout).toBe(
      '4 workers, 1000 increments (atomic), released together.\nFinal value: 1000.\nFinished.\n',
    );
  });

  testBadArguments(packageDir, [
    [
      'example1',
      ['--increment', 'twice'],
      "--increment must be one of load-store, plain, atomic, got 'twice'; valid options: --operations N (the book's: 1000, at most 10000000), --workers W, --increment load-store|plain|atomic",
    ],
    [
      'example1',
      ['--workers', '0'],
      "--workers must be a whole number from 1 to 64, got '0'; valid options: --operations N (the book's: 1000, at most 10000000), --workers W, --increment load-store|plain|atomic",
    ],
  ]);
});
