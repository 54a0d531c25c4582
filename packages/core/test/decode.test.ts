import { describe, expect, it } from 'vitest';
import { decode, UnicodeDecodeError } from '../src/index.js';

describe("bytes.decode(), Python's strict UTF-8", () => {
  it('decodes valid UTF-8, non-ASCII included', () => {
    expect(decode(Buffer.from('Grüße — 😀', 'utf8'))).toBe('Grüße — 😀');
  });

  it('keeps a byte-order mark, as the utf-8 codec does', () => {
    expect(decode(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toBe('\ufeffa');
  });

  // Python 3's own messages for the same bytes.
  it.each([
    [[0xff], 'byte 0xff in position 0: invalid start byte'],
    [[0x61, 0x62, 0xe2, 0x28], 'byte 0xe2 in position 2: invalid continuation byte'],
    [[0xf0, 0x9f, 0x98, 0x28], 'bytes in position 0-2: invalid continuation byte'],
    [[0x78, 0xe2, 0x82], 'bytes in position 1-2: unexpected end of data'],
    [[0xed, 0xa0, 0x80], 'byte 0xed in position 0: invalid continuation byte'],
    [[0xc0, 0xaf], 'byte 0xc0 in position 0: invalid start byte'],
  ])('refuses %j like Python: %s', (bytes, where) => {
    const attempt = () => decode(Uint8Array.from(bytes));
    expect(attempt).toThrow(UnicodeDecodeError);
    expect(attempt).toThrow(`'utf-8' codec can't decode ${where}`);
  });
});
