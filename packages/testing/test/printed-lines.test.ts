import { describe, expect, it } from 'vitest';
import { numberAfter, tookSeconds } from '../src/index.js';

describe('tookSeconds', () => {
  it("reads Python's sign-spaced and plain Took lines, negative too, in order", () => {
    const lines = ['Took  1.13 seconds.', 'other', 'Took 0.25 seconds.', 'Took -0.01 seconds.'];
    expect(tookSeconds(lines)).toEqual([1.13, 0.25, -0.01]);
  });

  it('reads no line of another shape', () => {
    expect(
      tookSeconds(['Took   1.13 seconds.', 'Took 1.13 seconds', 'took 1.13 seconds.']),
    ).toEqual([]);
  });
});

describe('numberAfter', () => {
  it('reads the number of the first `<prefix> N.` line, the prefix taken literally', () => {
    expect(numberAfter(['Final (value): 7.', 'Final (value): 8.'], 'Final (value):')).toBe(7);
  });

  it('throws, quoting the lines, when none has that shape', () => {
    expect(() => numberAfter(['Final value: x.'], 'Final value:')).toThrow(/Final value: x\./);
  });
});
