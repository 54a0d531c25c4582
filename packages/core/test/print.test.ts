import { describe, expect, it } from 'vitest';
import { pyStr } from '../src/index.js';

describe('pyStr', () => {
  it('formats lists as Python does', () => {
    expect(pyStr([10000000000037, 10000000000051])).toBe('[10000000000037, 10000000000051]');
    expect(pyStr([])).toBe('[]');
  });

  it('formats booleans and None as Python does', () => {
    expect(pyStr([true, false, null])).toBe('[True, False, None]');
    expect(pyStr(false)).toBe('False');
  });

  it('quotes strings inside lists only', () => {
    expect(pyStr(['a', 'b'])).toBe("['a', 'b']");
    expect(pyStr('a')).toBe('a');
  });

  it('prints BigInts without the n suffix', () => {
    expect(pyStr(35443n)).toBe('35443');
  });
});
