// Python's repr() of the values the chapter's servers print: a str and a peer address tuple.

/** Python prints these characters of a str with a backslash escape of their own. */
const ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
};

/** What Python's `str.isprintable()` refuses: control, format, unassigned, private, separators. */
const NOT_PRINTABLE = /[\p{C}\p{Z}]/u;

/** `\xNN`, `\uNNNN` or `\UNNNNNNNN`, the shortest Python uses for this code point. */
function hexEscape(codePoint: number): string {
  if (codePoint < 0x100) return `\\x${codePoint.toString(16).padStart(2, '0')}`;
  if (codePoint < 0x10000) return `\\u${codePoint.toString(16).padStart(4, '0')}`;
  return `\\U${codePoint.toString(16).padStart(8, '0')}`;
}

/**
 * Python's `repr(text)` of a str: single quotes, or double quotes when the text has a `'` and no
 * `"`; backslash, TAB, LF and CR escaped; other non-printable characters as `\xNN`, `\uNNNN`;
 * printable non-ASCII kept.
 *
 * @example pyRepr("It's me\r\n") // "It's me\r\n" with the quotes and the backslashes
 */
export function pyRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let body = '';
  for (const char of text) {
    if (char === quote) body += `\\${char}`;
    else if (ESCAPES[char] !== undefined) body += ESCAPES[char];
    else if (char !== ' ' && NOT_PRINTABLE.test(char)) body += hexEscape(char.codePointAt(0) ?? 0);
    else body += char;
  }
  return `${quote}${body}${quote}`;
}

/** Python's repr of a socket address tuple, as asyncio's `peername`: `('127.0.0.1', 58288)`. */
export function pyReprAddress(host: string, port: number): string {
  return `(${pyRepr(host)}, ${port})`;
}
