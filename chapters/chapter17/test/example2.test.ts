import {
  exampleRunner,
  numberAfter,
  oneCpuReason,
  packageDirOf,
  testBadArguments,
} from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { runWorkers } from '../src/shared-workers.js';
import { type AppendForm, LENGTH } from '../src/workers/append.js';

const packageDir = packageDirOf(import.meta.url);
const runExample = exampleRunner(import.meta.url, { limitSeconds: 30 });

/** Runs the append workers in this process and returns the list: its length and its items. */
async function appendTogether(total: number, form: AppendForm) {
  const header = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
  const items = new SharedArrayBuffer(total * Int32Array.BYTES_PER_ELEMENT);
  await runWorkers(new URL('../src/workers/append.js', import.meta.url), 4, total, {
    header,
    items,
    form,
  });
  return { length: Atomics.load(new Int32Array(header), LENGTH), items: new Int32Array(items) };
}

describe('example2.py', () => {
  it('prints the whole length: no append is lost', async () => {
    const run = await runExample('example2');
    expect(run.code).toBe(0);
    expect(run.lines).toEqual([
      '4 workers, 1000000 appends (atomic), released together.',
      'Final list length: 1000000.',
      'Finished.',
    ]);
  });

  it('fills every slot exactly once when Atomics.add reserves it', async () => {
    const { length, items } = await appendTogether(1_000_000, 'atomic');
    expect(length).toBe(1_000_000);
    expect(items.every((item) => item === 1)).toBe(true);
  });

  it("keeps the book's 1000 appends, ten times out of ten", async () => {
    for (let run = 0; run < 10; run++) {
      expect((await appendTogether(1000, 'atomic')).length).toBe(1000);
    }
  });

  it('loses elements when the append reads, writes and stores the length in three steps', async (context) => {
    context.skip(oneCpuReason() !== undefined, oneCpuReason());
    const lengths: number[] = [];
    for (let attempt = 0; attempt < 3 && !lengths.some((length) => length < 1_000_000); attempt++) {
      const run = await runExample('example2', { args: ['--append', 'plain'] });
      lengths.push(numberAfter(run.lines, 'Final list length:'));
    }
    expect(Math.min(...lengths)).toBeLessThan(1_000_000);
  });

  testBadArguments(packageDir, [
    [
      'example2',
      ['--operations', 'many'],
      "--operations must be a whole number from 1 to 10000000, got 'many'; valid options: --operations N (the book's: 1000, at most 10000000), --workers W, --append atomic|plain",
    ],
    // Bounded by what can run: 10^12 operations would run for hours (and the list not allocate).
    [
      'example2',
      ['--operations', '1000000000000'],
      "--operations must be a whole number from 1 to 10000000, got '1000000000000'; valid options: --operations N (the book's: 1000, at most 10000000), --workers W, --append atomic|plain",
    ],
    [
      'example1',
      ['--threads', '1000'],
      "unknown option '--threads'; valid options: --operations N (the book's: 1000, at most 10000000), --workers W, --increment load-store|plain|atomic",
    ],
  ]);
});
