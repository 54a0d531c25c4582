import { describe, expect, it } from 'vitest';
import { pyRepr, pyReprAddress } from '../src/py-repr.js';

describe("Python's repr", () => {
  it.each([
    ['Hello, World!', "'Hello, World!'"],
    ["It's me\r\n", `"It's me\\r\\n"`],
    [`It's "quoted"`, `'It\\'s "quoted"'`],
    ['say "hi"', `'say "hi"'`],
    ['tab\there\\', "'tab\\there\\\\'"],
    ['\x00\x1b\x7f', "'\\x00\\x1b\\x7f'"],
    ['Grüße — ¶ ’', "'Grüße — ¶ ’'"],
    ['\u00a0\u200b\u2028', "'\\xa0\\u200b\\u2028'"],
    ['', "''"],
  ])('of %j is %s', (text, repr) => {
    expect(pyRepr(text)).toBe(repr);
  });

  it('of a peer address is a tuple', () => {
    expect(pyReprAddress('127.0.0.1', 58288)).toBe("('127.0.0.1', 58288)");
  });
});
