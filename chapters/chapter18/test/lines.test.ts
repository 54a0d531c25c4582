import { describe, expect, it } from 'vitest';
import { type LineEvent, LineSplitter, MAX_LINE_BYTES } from '../src/lines.js';

/** Every event of feeding the chunks in turn, then the end of input. */
function split(...chunks: (string | Buffer)[]): LineEvent[] {
  const splitter = new LineSplitter();
  const events = chunks.flatMap((chunk) =>
    splitter.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk),
  );
  return [...events, ...splitter.end()];
}

const lines = (...texts: string[]): LineEvent[] => texts.map((text) => ({ kind: 'line', text }));

describe('LineSplitter: universal newlines, as Python text files', () => {
  it('ends a line at LF, CRLF and a lone CR', () => {
    expect(split('a\nb\r\nc\rd\n')).toEqual(lines('a', 'b', 'c', 'd'));
  });

  it('holds a CR at the end of a chunk until the next byte shows whether an LF follows', () => {
    expect(split('a\r', '\nb\r', 'c\n')).toEqual(lines('a', 'b', 'c'));
  });

  it('joins a line split across chunks, multi-byte characters included', () => {
    const text = Buffer.from('\u00e9t\u00e9\n');
    expect(split(text.subarray(0, 1), text.subarray(1))).toEqual(lines('\u00e9t\u00e9'));
  });

  it('returns a last line without a line break at the end of input', () => {
    expect(split('1,2\n3,4')).toEqual(lines('1,2', '3,4'));
  });

  it('answers a line that is not UTF-8 and goes on with the next', () => {
    expect(split(Buffer.from([0x41, 0xff, 0x0a]), 'ok\n')).toEqual([
      { kind: 'not-utf8' },
      ...lines('ok'),
    ]);
  });

  it('cuts off a line longer than the limit, and reads nothing after it', () => {
    const big = Buffer.alloc(MAX_LINE_BYTES, 'x');
    expect(split(big, 'x', 'more\n')).toEqual([{ kind: 'too-long' }]);
    expect(split(big, '\n')).toEqual(lines('x'.repeat(MAX_LINE_BYTES)));
  });
});
