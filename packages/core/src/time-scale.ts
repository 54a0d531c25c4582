import { ValueError } from './errors.js';

/** The environment variable that scales every book sleep and timeout. */
export const TIME_SCALE_VARIABLE = 'BOOK_TIME_SCALE';

/**
 * The factor every book duration is multiplied by, read from `BOOK_TIME_SCALE` (default 1). At
 * 0.01 the book's `time.sleep(1)` lasts 10 ms, so tests run fast while `start` keeps the book's
 * timings. Read on every call, so a test may set the variable at any time.
 *
 * @example BOOK_TIME_SCALE=0.01 node dist/example1.js
 * @throws RangeError when the variable is set to anything but a non-negative finite number.
 */
export function timeScale(): number {
  const raw = process.env[TIME_SCALE_VARIABLE];
  if (raw === undefined || raw.trim() === '') return 1;
  const scale = Number(raw);
  if (!Number.isFinite(scale) || scale < 0) {
    throw new RangeError(
      `${TIME_SCALE_VARIABLE} must be a non-negative number such as 1 or 0.01, got "${raw}"`,
    );
  }
  return scale;
}

/**
 * A book duration in seconds, scaled and converted to milliseconds.
 *
 * @example setTimeout(callback, scaledMilliseconds(0.5))
 */
export function scaledMilliseconds(seconds: number): number {
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new ValueError(`a duration must be a non-negative number of seconds, got ${seconds}`);
  }
  return seconds * 1000 * timeScale();
}
