// Mirrors Chapter03/example3.py: one Thread subclass per number checks it for primality; the
// main program joins them all instead of waiting for input. Each `run` here never awaits, so it
// runs to its end inside `start()`, much as a short Python thread finishes before the next starts.
//
// The book's run() prints 'Starting processing %i...' % x with the global loop variable x instead
// of self.x, a bug that prints another thread's number whenever the loop moves on before a thread
// runs. This port prints each thread's own number.
import { isMain, print, runMain } from '@mc/core';
import { Thread } from '@mc/core/threading';
import { isPrime, myInput } from './example2.js';

export class MyThread extends Thread {
  constructor(readonly x: number) {
    super();
  }

  override run(): void {
    print(`Starting processing ${this.x}...`);
    isPrime(this.x);
  }
}

export async function main(): Promise<void> {
  const threads: MyThread[] = [];

  for (const x of myInput) {
    const tempThread = new MyThread(x);
    await tempThread.start();

    threads.push(tempThread);
  }

  for (const thread of threads) await thread.join();

  print('Finished.');
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
