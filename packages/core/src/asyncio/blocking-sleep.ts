import { observeBlockingSleep } from '../diagnostics.js';
import { scaledMilliseconds } from '../time-scale.js';

const cell = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));

/**
 * Blocks the calling thread for `seconds` (scaled by `BOOK_TIME_SCALE`): twin of Python's
 * `time.sleep` as the book's "don't block the loop" programs call it. Nothing else runs on this
 * thread meanwhile: no task, no timer, no I/O callback. `Atomics.wait` on a cell nobody notifies,
 * allowed on Node's main thread and in workers. For a sleep that lets the others run, `sleep`.
 *
 * @example blockingSleep(1) // the whole event loop stops for a second
 */
export function blockingSleep(seconds: number): void {
  const ms = scaledMilliseconds(seconds);
  if (ms > 0) observeBlockingSleep(seconds, () => Atomics.wait(cell, 0, 0, ms));
}
