// Mirrors Chapter12/example7.py: the same sleeps as example5 with no lock at all. The threads
// sleep side by side and the run takes the longer one's 10 s, against 14 s with the locks:
// concurrency pays only when nothing makes the threads take turns.
import { isMain, print, runMain } from '@mc/core';
import { Thread } from '@mc/core/threading';
import { sleep } from '@mc/core/time';
import { timer } from '@mc/core/timeit';

export async function threadA(): Promise<void> {
  print('Thread A is starting...');

  print('Thread A is performing some calculation...');
  await sleep(2);

  print('Thread A is performing some calculation...');
  await sleep(2);
}

export async function threadB(): Promise<void> {
  print('Thread B is starting...');

  print('Thread B is performing some calculation...');
  await sleep(5);

  print('Thread B is performing some calculation...');
  await sleep(5);
}

export async function main(): Promise<void> {
  const thread1 = new Thread({ target: threadA });
  const thread2 = new Thread({ target: threadB });

  const start = timer();

  await thread1.start();
  await thread2.start();

  await thread1.join();
  await thread2.join();

  print(`Took ${(timer() - start).toFixed(2)} seconds.`);

  print('Finished.');
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
