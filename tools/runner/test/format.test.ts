import { describe, expect, it } from 'vitest';
import { overheadText } from '../src/format.js';

describe('overheadText', () => {
  it('prints a measurable overhead in milliseconds', () => {
    expect(overheadText(0.0042)).toBe('4.2 ms');
  });

  it('never prints a negative or sub-millisecond overhead as a figure', () => {
    expect(overheadText(-0.009)).toBe('under 1 ms (within measurement noise)');
    expect(overheadText(0.0004)).toBe('under 1 ms (within measurement noise)');
  });
});
