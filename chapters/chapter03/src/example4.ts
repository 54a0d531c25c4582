// Mirrors Chapter03/example4.py: the countdowns of example1, but each thread holds a lock for its
// whole countdown, so B counts only after A has finished. Node's Lock orders tasks on the one
// event loop (async-mutex): B's acquire waits while A sleeps with the lock held. Like the book's
// file, it repeats the countdown and the program of example1 rather than import them.
import { isMain, print, runMain } from '@mc/core';
import { Lock, Thread } from '@mc/core/threading';
import { sleep } from '@mc/core/time';

export class MyThread extends Thread {
  constructor(
    name: string,
    readonly delay: number,
  ) {
    super({ name });
  }

  override async run(): Promise<void> {
    print(`Starting thread ${this.name}.`);
    await threadLock.acquire();
    await threadCountDown(this.name, this.delay);
    threadLock.release();
    print(`Finished thread ${this.name}.`);
  }
}

export async function threadCountDown(name: string, delay: number): Promise<void> {
  let counter = 5;

  while (counter) {
    await sleep(delay);
    print(`Thread ${name} counting down: ${counter}...`);
    counter -= 1;
  }
}

export const threadLock = new Lock();

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
