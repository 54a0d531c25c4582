// Mirrors Chapter14/example2.py: example1's update inside a lock, `count_lock`, held across the
// whole read, pause and write. No thread can read the counter while another is between its read
// and its write, so no update is lost: always `Final counter: 20.` The price: the pauses no longer
// overlap, and the run takes their sum, about 10 s (one run of the book took 11.5 s).
import { isMain, print, runMain } from '@mc/core';
import { Lock } from '@mc/core/threading';
import { sleep } from '@mc/core/time';
import { randint, runThreads } from './example1.js';

let counter = 0;
const countLock = new Lock({ name: 'count_lock' });

export async function update(pause: number = randint(0, 1)): Promise<void> {
  using _held = await countLock.hold();
  const currentCounter = counter; // reading in shared resource
  await sleep(pause); // simulating heavy calculations
  counter = currentCounter + 1;
}

/** Runs the 20 threads on a counter from 0 and returns the final counter. */
export async function count(pauses?: readonly number[]): Promise<number> {
  counter = 0;
  await runThreads(update, pauses);
  return counter;
}

export async function main(): Promise<void> {
  await count();

  print(`Final counter: ${counter}.`);
  print('Finished.');
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
