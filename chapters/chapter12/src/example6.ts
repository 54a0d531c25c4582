// Mirrors Chapter12/example6.py: example5's threads run one after the other (B starts once A has
// been joined). It takes the same 14 s as example5: the lock-ordered "concurrent" run gained
// nothing, because the locks made the threads take turns anyway.
import { isMain, print, runMain } from '@mc/core';
import { timer } from '@mc/core/timeit';
import { orderedThreads } from './example2.js';

export async function main(): Promise<void> {
  const [thread1, thread2] = orderedThreads();

  const start = timer();

  await thread1.start();
  await thread1.join();

  await thread2.start();
  await thread2.join();

  print(`Took ${(timer() - start).toFixed(2)} seconds.`);
  print('Finished.');
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
