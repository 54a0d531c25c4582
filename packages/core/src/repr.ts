/** What `pyRepr` prints: a string, a number, a tuple (an array), or a dict (a plain object). */
export type PyReprValue =
  | string
  | number
  | bigint
  | readonly PyReprValue[]
  | { readonly [key: string]: PyReprValue | undefined };

/**
 * Python's `repr()` of a string: single quotes, or double quotes when the text holds a `'` and no
 * `"`; backslash, the chosen quote, TAB, LF and CR escaped; other control and non-printable
 * characters as `\xNN`, `\uNNNN` or `\UNNNNNNNN`; printable non-ASCII (é, —) kept. A tuple
 * (an array) prints as `('127.0.0.1', 8888)`, a number as itself, a dict (a plain object) as
 * `{'content-type': 'text/html'}`, its undefined entries left out.
 *
 * @example pyRepr("It's\r\n") // "It's\r\n" in double quotes, the escapes as written
 * @example pyRepr(['127.0.0.1', 8888]) // ('127.0.0.1', 8888)
 * @example pyRepr(res.headers) // {'content-type': 'text/html', 'content-length': '1256'}
 */
export function pyRepr(value: PyReprValue): string {
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'string') return quoted(value, isPrintable);
  if (Array.isArray(value)) {
    const items = value.map((item: PyReprValue) => pyRepr(item));
    return `(${items.join(', ')}${items.length === 1 ? ',' : ''})`;
  }
  const entries = Object.entries(value).filter(
    (entry): entry is [string, PyReprValue] => entry[1] !== undefined,
  );
  return `{${entries.map(([key, item]) => `${pyRepr(key)}: ${pyRepr(item)}`).join(', ')}}`;
}

/**
 * Python's `ascii()` of a string: `repr()` with every character outside printable ASCII escaped
 * too (`é` as `\xe9`), as the `%a` of `b'Echoed: %a' % line` prints it.
 *
 * @example pyAscii("it's é") // "it's \xe9" in double quotes
 */
export function pyAscii(value: string): string {
  return quoted(value, (_character, code) => code >= 0x20 && code < 0x7f);
}

/** Any character but printable ASCII (space to `~`) other than `'` and the backslash. */
const NEEDS_CARE = /[^\x20-\x26\x28-\x5b\x5d-\x7e]/;

/** `value` in Python's quotes, escaped as `repr()` escapes it, `keep` saying which characters stay. */
function quoted(value: string, keep: (character: string, code: number) => boolean): string {
  // Printable ASCII with no quote or backslash, the usual text, is its own repr between quotes.
  if (!NEEDS_CARE.test(value)) return `'${value}'`;
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  let out = '';
  for (const character of value) {
    const code = character.codePointAt(0) ?? 0;
    if (character === '\\') out += '\\\\';
    else if (character === quote) out += `\\${quote}`;
    else if (character === '\t') out += '\\t';
    else if (character === '\n') out += '\\n';
    else if (character === '\r') out += '\\r';
    else if ((code >= 0x20 && code < 0x7f) || keep(character, code)) out += character;
    else if (code <= 0xff) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${quote}${out}${quote}`;
}

/**
 * Python's `str.isprintable()` for one character, closely: not a control, format, separator
 * (but the space), surrogate, private-use or unassigned code point.
 */
function isPrintable(character: string, code: number): boolean {
  if (code === 0x20) return true;
  return !/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Zs}\p{Cs}\p{Co}\p{Cn}]/u.test(character);
}
