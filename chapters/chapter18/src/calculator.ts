/**
 * The calculator of examples 2, 3 and 6: Python's `list(map(int, line.split(',')))`, then `sum` and
 * `reduce(mul, nums, 1)`. Python's ints have no limit, so the numbers are BigInts:
 * `99999999999999999999,99999999999999999999` multiplies to a 40-digit answer, as in the book.
 */

/** What Python's `int(text)` accepts (ASCII digits): blanks around, a sign, `_` between digits. */
const PYTHON_INT = /^\s*[+-]?\d+(?:_\d+)*\s*$/;

/**
 * The integers of a comma-separated line, or undefined where Python's `int()` raises ValueError on
 * one of its pieces (`a`, `1.5`, `0x10`, an empty piece, an empty line).
 *
 * @example parseIntegers(' 4, 5 ,6') // [4n, 5n, 6n]
 */
export function parseIntegers(line: string): bigint[] | undefined {
  const pieces = line.split(',');
  if (!pieces.every((piece) => PYTHON_INT.test(piece))) return undefined;
  return pieces.map((piece) => BigInt(piece.trim().replaceAll('_', '')));
}

/** Python's `sum(nums)`. */
export function sum(nums: readonly bigint[]): bigint {
  return nums.reduce((total, n) => total + n, 0n);
}

/** Python's `reduce(mul, nums, 1)`. */
export function product(nums: readonly bigint[]): bigint {
  return nums.reduce((total, n) => total * n, 1n);
}

/** The answer to a line the servers send when it is not a list of integers (LF only, as the book's). */
export const NOT_INTEGERS = 'ERROR. Enter only integers separated by commas';
