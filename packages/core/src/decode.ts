import { UnicodeDecodeError } from './errors.js';

// ignoreBOM keeps a leading U+FEFF in the text, as Python's 'utf-8' codec does ('utf-8-sig' strips it).
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The bytes a valid UTF-8 sequence may have after `lead`, and the range of its second byte. */
function sequenceAfter(lead: number): { more: number; low: number; high: number } | undefined {
  if (lead >= 0xc2 && lead <= 0xdf) return { more: 1, low: 0x80, high: 0xbf };
  if (lead === 0xe0) return { more: 2, low: 0xa0, high: 0xbf };
  if (lead === 0xed) return { more: 2, low: 0x80, high: 0x9f };
  if (lead >= 0xe1 && lead <= 0xef) return { more: 2, low: 0x80, high: 0xbf };
  if (lead === 0xf0) return { more: 3, low: 0x90, high: 0xbf };
  if (lead >= 0xf1 && lead <= 0xf3) return { more: 3, low: 0x80, high: 0xbf };
  if (lead === 0xf4) return { more: 3, low: 0x80, high: 0x8f };
  return undefined;
}

/** The first invalid sequence, as Python reports it: bytes `start` to `end` (exclusive), and why. */
function firstError(data: Uint8Array): { start: number; end: number; reason: string } {
  let i = 0;
  while (i < data.length) {
    const lead = data[i] ?? 0;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    const sequence = sequenceAfter(lead);
    if (sequence === undefined) return { start: i, end: i + 1, reason: 'invalid start byte' };
    for (let k = 1; k <= sequence.more; k++) {
      const byte = data[i + k];
      if (byte === undefined)
        return { start: i, end: data.length, reason: 'unexpected end of data' };
      const [low, high] = k === 1 ? [sequence.low, sequence.high] : [0x80, 0xbf];
      if (byte < low || byte > high)
        return { start: i, end: i + k, reason: 'invalid continuation byte' };
    }
    i += sequence.more + 1;
  }
  return { start: 0, end: 0, reason: 'unknown' };
}

/**
 * Decodes strict UTF-8, as Python's `data.decode()`: Node's `buffer.toString()` would put U+FFFD
 * in place of a bad byte instead of refusing it.
 *
 * @example const message = decode(data)
 *
 * @example decode(Buffer.from([0x68, 0xc3, 0xa9])) // 'hé'
 * @throws UnicodeDecodeError with Python's message for the first invalid sequence.
 */
export function decode(data: Uint8Array): string {
  try {
    return strict.decode(data);
  } catch {
    const { start, end, reason } = firstError(data);
    const where =
      end - start === 1
        ? `byte 0x${(data[start] ?? 0).toString(16).padStart(2, '0')} in position ${start}`
        : `bytes in position ${start}-${end - 1}`;
    throw new UnicodeDecodeError(`'utf-8' codec can't decode ${where}: ${reason}`);
  }
}
