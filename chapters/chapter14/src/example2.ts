// Mirrors Chapter14/example2.py: example1's update inside a lock, `count_lock`, held across the
// whole read, pause and write. No thread can read the counter while another is between its read
// and its write, so no update is lost: always `Final counter: 20.` The price: the pauses no longer
// overlap, and the run takes their sum, about 10 s (one run of the book took 11.5 s).
import { isMain, print, runMain } from '@mc/core';
import { Lock, Thread } from '@mc/core/threading';
import { sleep } from '@mc/core/time';
import { randint } from './example1.js';

let counter = 0;
const countLock = new Lock({ name: 'count_lock' });

export async function update(): Promise<void> {
  using _held = await countLock.hold();
  const currentCounter = counter; // reading in shared resource
  await sleep(randint(0, 1)); // simulating heavy calculations
  counter = currentCounter + 1;
}

export async function main(): Promise<void> {
  counter = 0;

  const threads = Array.from({ length: 20 }, () => new Thread({ target: update }));

  for (const thread of threads) {
    await thread.start();
  }
  for (const thread of threads) {
    await thread.join();
  }

  print(`Final counter: ${counter}.`);
  print('Finished.');
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
