// Not a book file: what the three readers-writers programs share to run as Python's do.
import { setTimeout as pause } from 'node:timers/promises';
import { Thread } from '@mc/core/threading';
import { sleep } from '@mc/core/time';

/**
 * Reading or writing: a random 0 to 3 ms (not a book duration). In Python the print is where a
 * thread gets switched out, after a varying time; a wait of varying length stands in for it.
 * With a fixed one (one turn of the event loop), the readers would leave the resource in lock
 * step and every protocol would look fair: the FIFO lock would hide the starvation.
 */
export async function work(): Promise<void> {
  await pause(Math.random() * 3);
}

/** Whether the threads go round once more; a bounded run (the tests') turns it off. */
export const running = { on: true };

/**
 * Starts a thread per target, in order, each after the one before first waited, as Python's
 * `start()` lets a new thread run until it first blocks: the readers take the resource before the
 * writers exist, as in Python. Then lets them run for ever, as the book's program does, or, given
 * `seconds` (real, not scaled), turns `running` off after them and waits until every thread has
 * left its loop.
 */
export async function runThreads(
  targets: readonly (() => Promise<void>)[],
  seconds?: number,
): Promise<void> {
  const threads = targets.map((target) => new Thread({ target }));
  for (const thread of threads) {
    thread.start();
    await sleep(0);
  }
  if (seconds === undefined) return;
  await pause(seconds * 1000);
  running.on = false;
  for (const thread of threads) await thread.join();
  running.on = true;
}
