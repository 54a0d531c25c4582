// Mirrors Chapter03/example4.py: the same two countdowns, but each thread holds a lock for its
// whole countdown, so B counts only after A has finished. Node's Lock orders tasks on the one
// event loop (async-mutex): B's acquire waits while A sleeps with the lock held.
import { isMain, Lock, print, runMain, Thread } from '@mc/core';
import { threadCountDown } from './my_thread.js';

export class MyThread extends Thread {
  constructor(
    name: string,
    readonly delay: number,
    readonly threadLock: Lock,
  ) {
    super({ name });
  }

  override async run(): Promise<void> {
    print(`Starting thread ${this.name}.`);
    await this.threadLock.acquire();
    await threadCountDown(this.name, this.delay);
    this.threadLock.release();
    print(`Finished thread ${this.name}.`);
  }
}

export async function main(): Promise<void> {
  const threadLock = new Lock();

  const thread1 = new MyThread('A', 0.5, threadLock);
  const thread2 = new MyThread('B', 0.5, threadLock);

  thread1.start();
  thread2.start();

  await thread1.join();
  await thread2.join();

  print('Finished.');
}

if (isMain(import.meta.url)) runMain(main);
