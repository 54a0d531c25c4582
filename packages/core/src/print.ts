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
 * The line goes straight to `process.stdout.write`, unbuffered and in call order as
 * `console.log` writes it, without `console.log`'s cost per call (it adds and removes an
 * 'error' listener and formats its arguments every time). A stdout whose reader went away
 * (`node dist/example1.js | head -1`) is not an error: the first `print` installs one 'error'
 * listener on stdout that ignores EPIPE, so later lines are dropped and the program runs on
 * to its end, where `console.log` alone would die with a stack. Other stdout errors still throw.
 *
 * @example print('Result 1:', [2, 3]) // Result 1: [2, 3]
 */
export function print(...values: unknown[]): void {
  if (!guarded) {
    guarded = true;
    process.stdout.on('error', ignoreClosedReader);
  }
  process.stdout.write(`${values.map((value) => pyStr(value)).join(' ')}\n`);
}

/** Whether `print` has put its one 'error' listener on stdout. */
let guarded = false;

function ignoreClosedReader(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE') throw error;
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
