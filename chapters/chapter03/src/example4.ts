// Mirrors Chapter03/example4.py: the same two countdowns, but each thread holds a lock for its
// whole countdown, so B counts only after A has finished. Node's Lock orders tasks on the one
// event loop (async-mutex): B's acquire waits while A sleeps with the lock held.
import { isMain, print, runMain } from '@mc/core';
import { Lock, Thread } from '@mc/core/threading';
import { runCountdowns } from './example1.js';
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

  // example1's program, with threads that take the lock around their countdown.
  await runCountdowns((name, delay) => new MyThread(name, delay, threadLock));
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
