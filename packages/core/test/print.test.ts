import { describe, expect, it } from 'vitest';
import { pyStr, signSpace } from '../src/index.js';

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

describe('signSpace', () => {
  it("prints a number as Python's '% .2f': a space where the minus sign would go", () => {
    expect(signSpace(1.1321)).toBe(' 1.13');
    expect(signSpace(12.01)).toBe(' 12.01');
    expect(signSpace(-0.5)).toBe('-0.50');
    expect(signSpace(0.26, 1)).toBe(' 0.3');
  });
});
