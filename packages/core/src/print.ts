/**
 * Formats a value the way Python's `str()` does for the values the book prints: lists as
 * `[1, 2, 3]`, booleans as `True`/`False`, null and undefined as `None`, strings inside lists
 * quoted with single quotes, BigInts without the `n`.
 *
 * @example pyStr([2, 3, false]) // '[2, 3, False]'
 */
export function pyStr(value: unknown): string {
  return format(value, false);
}

function format(value: unknown, nested: boolean): string {
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'string') return nested ? `'${value}'` : value;
  if (Array.isArray(value)) return `[${value.map((item) => format(item, true)).join(', ')}]`;
  return String(value);
}

/**
 * Prints its arguments separated by spaces, each formatted like Python's `str()`. Twin of
 * Python's `print(a, b, ...)`.
 *
 * @example print('Result 1:', [2, 3]) // Result 1: [2, 3]
 */
export function print(...values: unknown[]): void {
  console.log(values.map((value) => pyStr(value)).join(' '));
}

/**
 * A number as Python's `f'{x: .2f}'` (or `'% .2f' % x`) prints it: `digits` decimals, and a space
 * where a minus sign would go, so `1.5` is `' 1.50'` and `-1.5` is `'-1.50'`.
 *
 * @example print(`Took ${signSpace(1.1321)} seconds.`) // Took  1.13 seconds.
 */
export function signSpace(value: number, digits = 2): string {
  const text = value.toFixed(digits);
  return text.startsWith('-') ? text : ` ${text}`;
}
