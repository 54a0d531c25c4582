import { setTimeout as delay, setImmediate as nextTurn } from 'node:timers/promises';
import { observeSleep } from '../diagnostics.js';
import { scaledMilliseconds } from '../time-scale.js';

/**
 * Suspends this coroutine for `seconds` (scaled by `BOOK_TIME_SCALE`) while the event loop runs
 * the others; twin of `await asyncio.sleep(seconds, result)`. `sleep(0)` is one full turn of the
 * loop (`setImmediate`), as `asyncio.sleep(0)` is: timers and I/O get their turn. An `await` of a
 * resolved promise would not do: it yields only to other microtasks, never to timers or I/O.
 *
 * @example await sleep(0) // let the other tasks run
 */
export async function sleep<T = undefined>(seconds: number, result?: T): Promise<T> {
  const ms = scaledMilliseconds(seconds);
  if (seconds === 0) await nextTurn();
  else await observeSleep(seconds, () => delay(ms));
  return result as T;
}
