import { describe, expect, it } from 'vitest';
import { pyAscii, pyRepr } from '../src/index.js';

describe('pyRepr', () => {
  it.each([
    ['Hello', "'Hello'"],
    ['hi\r\n', "'hi\\r\\n'"],
    ["It's", `"It's"`],
    ['say "x"', `'say "x"'`],
    [`both ' "`, `'both \\' "'`],
    ['\x00\x7f\x80\xa0é—\u200b😀\\', "'\\x00\\x7f\\x80\\xa0é—\\u200b😀\\\\'"],
    ['tab\there\x1b', "'tab\\there\\x1b'"],
    ['\u2028 Grüße ¶ ’', "'\\u2028 Grüße ¶ ’'"],
    ['', "''"],
  ])('%j as Python prints it', (text, expected) => {
    expect(pyRepr(text)).toBe(expected);
  });

  it('escapes only the quote and the backslash in printable ASCII, and every byte around it', () => {
    const printable = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));
    const text = printable.join('');
    expect(pyRepr(text)).toBe(`'${text.replace('\\', '\\\\').replace("'", "\\'")}'`);
    expect(pyRepr(text.replace("'", ''))).toBe(`'${text.replace("'", '').replace('\\', '\\\\')}'`);
    expect(pyRepr('\x1f ~\x7f')).toBe("'\\x1f ~\\x7f'");
  });

  it('prints an address pair as a Python tuple', () => {
    expect(pyRepr(['127.0.0.1', 53604])).toBe("('127.0.0.1', 53604)");
    expect(pyRepr(['one'])).toBe("('one',)");
  });

  it('prints a plain object as a dict, leaving out undefined entries', () => {
    expect(pyRepr({ 'content-type': 'text/html', length: 3, gone: undefined })).toBe(
      "{'content-type': 'text/html', 'length': 3}",
    );
    expect(pyRepr({ "it's": ['a'] })).toBe(`{"it's": ('a',)}`);
    expect(pyRepr({})).toBe('{}');
  });
});

describe('pyAscii', () => {
  it.each([
    ['Hello', "'Hello'"],
    ["it's é", `"it's \\xe9"`],
    ['—😀\x7f', "'\\u2014\\U0001f600\\x7f'"],
    ['a\\b\r\n', "'a\\\\b\\r\\n'"],
  ])('%j as Python ascii() prints it', (text, expected) => {
    expect(pyAscii(text)).toBe(expected);
  });
});
