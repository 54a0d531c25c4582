// Mirrors Chapter03/example1.py: two countdown threads, A and B, started together and joined.
// Their lines interleave and both finish in about the time of one countdown. Node runs them as
// tasks on one event loop: while one sleeps the other runs, as Python threads share the GIL.
import { isMain, print, runMain } from '@mc/core';
import type { Thread } from '@mc/core/threading';
import { MyThread } from './my_thread.js';

/**
 * The program of this example: threads A and B, delay 0.5 s, started together, then joined.
 * `createThread` makes them; example4 passes threads that share a lock.
 */
export async function runCountdowns(
  createThread: (name: string, delay: number) => Thread,
): Promise<void> {
  const thread1 = createThread('A', 0.5);
  const thread2 = createThread('B', 0.5);

  thread1.start();
  thread2.start();

  await thread1.join();
  await thread2.join();

  print('Finished.');
}

export async function main(): Promise<void> {
  await runCountdowns((name, delay) => new MyThread(name, delay));
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
