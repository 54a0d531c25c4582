import { describe, expect, it } from 'vitest';
import { requestsEncoding, requestsText } from '../src/requests-text.js';

describe("requests' response.text", () => {
  it.each([
    ['text/html; charset=utf-8', 'utf-8'],
    ['text/html; charset="ISO-8859-1"', 'ISO-8859-1'],
    ['text/html', 'ISO-8859-1'],
    ['application/json', undefined],
    [null, undefined],
  ])('reads the encoding of %j as %j', (contentType, encoding) => {
    expect(requestsEncoding(contentType)).toBe(encoding);
  });

  it('reads ISO-8859-1 as Latin-1, not as windows-1252 (0x80 to 0x9F are C1 controls)', () => {
    expect(requestsText('text/html', Buffer.from([0x93, 0xa0]))).toBe('\u0093\u00a0');
  });

  it('decodes a declared charset, replacing bad bytes', () => {
    expect(requestsText('text/plain; charset=utf-8', Buffer.from([0xe2, 0x80, 0x94, 0xff]))).toBe(
      '—\ufffd',
    );
    expect(requestsText('text/plain; charset=no-such', Buffer.from('ü'))).toBe('ü');
  });
});
