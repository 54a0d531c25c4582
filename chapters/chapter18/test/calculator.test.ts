import { pyAscii } from '@mc/core';
import { describe, expect, it } from 'vitest';
import { parseIntegers, product, sum } from '../src/calculator.js';

describe('parseIntegers: what Python int() accepts in each piece', () => {
  it.each([
    ['1,2,3', [1n, 2n, 3n]],
    [' 4, 5 ,6', [4n, 5n, 6n]],
    ['1_000,2', [1000n, 2n]],
    ['-1,+2', [-1n, 2n]],
    ['\t7 ', [7n]],
  ])('%j', (line, nums) => {
    expect(parseIntegers(line)).toEqual(nums);
  });

  it.each(['', 'hello', '1.5,2', '0x10', '1,,2', '1,', '1__0', '_1', '1_', '１', '1 2'])(
    '%j is refused',
    (line) => {
      expect(parseIntegers(line)).toBeUndefined();
    },
  );

  it('has no limit, as Python ints: the book product of two 20-digit numbers', () => {
    const nums = parseIntegers('99999999999999999999,99999999999999999999') ?? [];
    expect(String(product(nums))).toBe('9999999999999999999800000000000000000001');
    expect(sum([])).toBe(0n);
    expect(product([])).toBe(1n);
  });
});

describe("pyAscii: Python's ascii() of a string", () => {
  it.each([
    ['hello', "'hello'"],
    ['', "''"],
    ["it's \u00e9 ok", `"it's \\xe9 ok"`],
    [`it's "both"`, `'it\\'s "both"'`],
    ['tab\there\\', "'tab\\there\\\\'"],
    ['\u0001\u007f', "'\\x01\\x7f'"],
    ['\u20ac \u{1f600}', "'\\u20ac \\U0001f600'"],
  ])('%j', (text, printed) => {
    expect(pyAscii(text)).toBe(printed);
  });
});
