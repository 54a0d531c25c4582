import { decode } from '@mc/core';
/**
 * The servers' line reading: what Python's `conn.makefile()` and `file.readline()` do, byte chunks
 * in, lines out. Universal newlines as Python's text files: LF, CRLF and a lone CR each end a line
 * (a CR at the end of a chunk waits for the next byte to see whether an LF follows).
 *
 * Two inputs the book's servers do not survive get an answer here instead (see the README):
 * - bytes that are not UTF-8: Python's strict decoding raises inside `readline()`, which ends the
 *   session and kills the whole server; here that line is answered `NOT_UTF8` and the session
 *   goes on;
 * - a line that never ends: Python's `readline()` keeps buffering (and in the reactor blocks
 *   every other client until the newline comes); here a line longer than `MAX_LINE_BYTES` is
 *   answered `TOO_LONG` and the connection closed.
 */

/** The longest line a server reads; a client sending more without a line break is cut off. */
export const MAX_LINE_BYTES = 64 * 1024;

/** The answer to a line that is not UTF-8 text (the session goes on). */
export const NOT_UTF8 = 'ERROR. Send text in UTF-8';

/** The answer to a line longer than MAX_LINE_BYTES, before the server closes the connection. */
export const TOO_LONG = `ERROR. Line longer than ${MAX_LINE_BYTES} bytes, closing`;

/** What a chunk of input holds: a line's text (without its line break), or a fault. */
export type LineEvent =
  | { readonly kind: 'line'; readonly text: string }
  | { readonly kind: 'not-utf8' }
  | { readonly kind: 'too-long' };

const LF = 0x0a;
const CR = 0x0d;

/** Splits a byte stream into lines; one per connection. */
export class LineSplitter {
  #pending: Buffer[] = [];
  #pendingBytes = 0;
  /** The last byte seen was a CR: an LF right after it belongs to the same line break. */
  #afterCR = false;
  /** A line went over the limit: nothing more is read. */
  #cutOff = false;

  /** The lines (and faults) that `chunk` completes, in order. */
  push(chunk: Buffer): LineEvent[] {
    const events: LineEvent[] = [];
    if (this.#cutOff) return events;
    let start = 0;
    if (this.#afterCR && chunk[0] === LF) start = 1;
    this.#afterCR = false;
    for (let i = start; i < chunk.length; i += 1) {
      const byte = chunk[i];
      if (byte !== LF && byte !== CR) continue;
      if (!this.#keep(chunk.subarray(start, i), events)) return events;
      events.push(this.#takeLine());
      if (byte === CR) {
        if (i + 1 === chunk.length) this.#afterCR = true;
        else if (chunk[i + 1] === LF) i += 1;
      }
      start = i + 1;
    }
    this.#keep(chunk.subarray(start), events);
    return events;
  }

  /** At end of input: the last line if it had no line break (Python's `readline()` returns it too). */
  end(): LineEvent[] {
    if (this.#cutOff || this.#pendingBytes === 0) return [];
    return [this.#takeLine()];
  }

  /** Adds part of a line; false (and a `too-long` event) when the line grows over the limit. */
  #keep(part: Buffer, events: LineEvent[]): boolean {
    if (part.length === 0) return true;
    this.#pendingBytes += part.length;
    if (this.#pendingBytes > MAX_LINE_BYTES) {
      this.#cutOff = true;
      this.#pending = [];
      events.push({ kind: 'too-long' });
      return false;
    }
    this.#pending.push(part);
    return true;
  }

  #takeLine(): LineEvent {
    const bytes = this.#pending.length === 1 ? this.#pending[0] : Buffer.concat(this.#pending);
    this.#pending = [];
    this.#pendingBytes = 0;
    try {
      return { kind: 'line', text: bytes === undefined ? '' : decode(bytes) };
    } catch {
      return { kind: 'not-utf8' };
    }
  }
}
