import { setTimeout as delay } from 'node:timers/promises';
import { observeSleep } from '../diagnostics.js';
import { scaledMilliseconds } from '../time-scale.js';

/**
 * Waits `seconds` (scaled by `BOOK_TIME_SCALE`) without blocking the event loop. Twin of Python's
 * `time.sleep`, except that other tasks run meanwhile, as other threads do while a Python thread
 * sleeps. An abort signal ends the wait early with an `AbortError`.
 *
 * @example await sleep(0.5)
 */
export async function sleep(
  seconds: number,
  options: { signal?: AbortSignal } = {},
): Promise<void> {
  await observeSleep(seconds, () => delay(scaledMilliseconds(seconds), undefined, options));
}
