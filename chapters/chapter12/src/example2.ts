// Mirrors Chapter12/example2.py: example1 with one lock order for both threads: B now takes
// lock_a first, then lock_b, as A does. No thread can hold one lock while the other holds the
// second, so the circular wait of example1 cannot form: B waits for lock A until A has finished,
// and the program ends after 4 + 10 = 14 s with `Finished.`. Thread A's body is example1's, written
// out again as the book does.
import { isMain, print, runMain } from '@mc/core';
import { Lock, Thread } from '@mc/core/threading';
import { sleep } from '@mc/core/time';

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

  await thread1.start();
  await thread2.start();

  await thread1.join();
  await thread2.join();

  print('Finished.');
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
