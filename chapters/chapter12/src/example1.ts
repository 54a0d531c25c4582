// Mirrors Chapter12/example1.py: two threads take two locks in opposite orders. A takes lock_a,
// sleeps 2 s and waits for lock_b; B takes lock_b, sleeps 5 s and waits for lock_a: from t = 5 s
// each holds what the other waits for, for ever. Python hangs until it is killed; so does this
// program: core's Lock keeps it alive while a thread waits (a pending promise alone would not),
// and, nothing having moved for half a second, names the cycle on stderr:
// `Deadlock: Thread-1 holds lock_a and waits for lock_b; Thread-2 holds lock_b and waits for lock_a`.
// `Finished.` is never printed.
//
// Python's start() lets the new thread run until it first blocks; so does `await start()`: thread
// A takes lock A and starts its sleep before thread B starts, so the lines come in Python's order.
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

  print('Thread B waiting to acquire lock B.');
  await lockB.acquire();
  print('Thread B has acquired lock B, performing some calculation...');
  await sleep(5);

  print('Thread B waiting to acquire lock A.');
  await lockA.acquire();
  print('Thread B has acquired lock A, performing some calculation...');
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
