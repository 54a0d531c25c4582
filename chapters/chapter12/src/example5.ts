// Mirrors Chapter12/example5.py: example2's threads, timed: both take lock_a, then lock_b, so B
// waits until A has released them, and the run takes A's 4 s plus B's 10 s: `Took 14.00 seconds.`
import { isMain, print, runMain } from '@mc/core';
import { timer } from '@mc/core/timeit';
import { orderedThreads } from './example2.js';

export async function main(): Promise<void> {
  const [thread1, thread2] = orderedThreads();

  const start = timer();

  await thread1.start();
  await thread2.start();

  await thread1.join();
  await thread2.join();

  print(`Took ${(timer() - start).toFixed(2)} seconds.`);
  print('Finished.');
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
