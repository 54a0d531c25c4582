// Not a book file: what the three readers-writers programs share to run as Python's do.
import { setTimeout as pause } from 'node:timers/promises';

/**
 * Reading or writing: a random 0 to 3 ms (not a book duration). In Python the print is where a
 * thread gets switched out, after a varying time; a wait of varying length stands in for it.
 * With a fixed one (one turn of the event loop), the readers would leave the resource in lock
 * step and every protocol would look fair: the FIFO lock would hide the starvation.
 */
export async function work(): Promise<void> {
  await pause(Math.random() * 3);
}
