import { captureLines } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { concurrentSolve } from '../src/example1.js';
import declaration, { parseTimings } from '../src/examples.js';

describe("examples.ts's speedup analysis", () => {
  it('reads back the times example1 prints, one per worker count, in both series', async () => {
    const { lines } = await captureLines(async () => {
      await concurrentSolve(1, [2, 3, 4]);
      await concurrentSolve(2, [2, 3, 4]);
    });
    const [took, sub] = parseTimings(`${lines.join('\n')}\n`);
    const printed = (prefix: string) =>
      lines.filter((line) => line.startsWith(prefix)).map((line) => Number(line.split(' ').at(-2)));
    expect(took?.label).toBe('Took');
    expect(took?.times.map((time) => time.workers)).toEqual([1, 2]);
    expect(took?.times.map((time) => time.seconds)).toEqual(printed('Took:'));
    expect(sub?.label).toBe('Sub took');
    expect(sub?.times.map((time) => time.seconds)).toEqual(printed('Sub took:'));
  });

  it('is the analysis the declaration hands the runner, with the book times for 1 to 8 workers', () => {
    const analysis = declaration.examples[0]?.analysis;
    expect(analysis?.parse).toBe(parseTimings);
    expect(analysis?.bookSeconds).toHaveLength(8);
  });
});
