// Mirrors Chapter12/example6.py: example5's program, written out again as the book does, with the
// threads run one after the other (B starts once A has been joined). It takes the same 14 s as
// example5: the lock-ordered "concurrent" run gained nothing, because the locks made the threads
// take turns anyway.
import { isMain, print, runMain } from '@mc/core';
import { Lock, Thread } from '@mc/core/threading';
import { sleep } from '@mc/core/time';
import { timer } from '@mc/core/timeit';

export async function threadA(lockA: Lock, lockB: Lock): Promise<void> {
  print('Thread A is starting...');

  print('Thread A waiting to acquire lock A.');
  await lockA.acquire();
  print('Thread A has acquired lock A, performing some calculation...');
  await sleep(2);

  print('Thread A waiting to acquire lock B.');
  await lockB.acquire();
  print('Thread A has acquired lock B, performing some calculation...');
  await sleep(2);

  print('Thread A releasing both locks.');
  lockA.release();
  lockB.release();
}

export async function threadB(lockA: Lock, lockB: Lock): Promise<void> {
  print('Thread B is starting...');

  print('Thread B waiting to acquire lock A.');
  await lockA.acquire();
  print('Thread B has acquired lock A, performing some calculation...');
  await sleep(5);

  print('Thread B waiting to acquire lock B.');
  await lockB.acquire();
  print('Thread B has acquired lock B, performing some calculation...');
  await sleep(5);

  print('Thread B releasing both locks.');
  lockB.release();
  lockA.release();
}

export async function main(): Promise<void> {
  const lockA = new Lock({ name: 'lock_a' });
  const lockB = new Lock({ name: 'lock_b' });

  const thread1 = new Thread({ target: threadA, args: [lockA, lockB] });
  const thread2 = new Thread({ target: threadB, args: [lockA, lockB] });

  const start = timer();

  await thread1.start();
  await thread1.join();

  await thread2.start();
  await thread2.join();

  print(`Took ${(timer() - start).toFixed(2)} seconds.`);
  print('Finished.');
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
