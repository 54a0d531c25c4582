// Mirrors Chapter03/example1.py: two countdown threads, A and B, started together and joined.
// Their lines interleave and both finish in about the time of one countdown. Node runs them as
// tasks on one event loop: while one sleeps the other runs, as Python threads share the GIL.
import { isMain, print, runMain } from '@mc/core';
import { MyThread } from './my_thread.js';

export async function main(): Promise<void> {
  const thread1 = new MyThread('A', 0.5);
  const thread2 = new MyThread('B', 0.5);

  await thread1.start();
  await thread2.start();

  await thread1.join();
  await thread2.join();

  print('Finished.');
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
