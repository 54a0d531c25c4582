/**
 * Python's `ascii()` of a string, which the servers' `b'Echoed: %a' % line` puts in every reply:
 * the text in quotes, every character outside printable ASCII escaped.
 *
 * @example pyAscii("it's é ok") // "\"it's \\xe9 ok\""
 */
export function pyAscii(text: string): string {
  // Python picks single quotes, unless the text holds a ' and no ".
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    if (character === quote || character === '\\') out += `\\${character}`;
    else if (character === '\t') out += '\\t';
    else if (character === '\n') out += '\\n';
    else if (character === '\r') out += '\\r';
    else if (code >= 0x20 && code < 0x7f) out += character;
    else if (code <= 0xff) out += `\\x${hex(code, 2)}`;
    else if (code <= 0xffff) out += `\\u${hex(code, 4)}`;
    else out += `\\U${hex(code, 8)}`;
  }
  return out + quote;
}

function hex(code: number, digits: number): string {
  return code.toString(16).padStart(digits, '0');
}
