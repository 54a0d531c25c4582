// Mirrors Chapter03/example5.py: three worker threads (A, B, C) drain a shared queue of 1, 10, 4, 3
// with non-blocking gets, printing each number's positive factors and pausing 1 s after each
// item; a worker exits when the queue raises Empty. The workers are event-loop tasks sharing one
// core Queue, as Python threads share a queue.Queue under the GIL.
import { isMain, print, runMain } from '@mc/core';
import { Empty, Queue } from '@mc/core/queue';
import { Thread } from '@mc/core/threading';
import { sleep } from '@mc/core/time';

export class MyThread extends Thread {
  constructor(
    name: string,
    readonly myQueue: Queue<number>,
  ) {
    super({ name });
  }

  override async run(): Promise<void> {
    print(`Starting thread ${this.name}.`);
    await processQueue(this.myQueue);
    print(`Exiting thread ${this.name}.`);
  }
}

export async function processQueue(myQueue: Queue<number>): Promise<void> {
  while (true) {
    let x: number;
    try {
      x = await myQueue.get({ block: false });
    } catch (error) {
      if (error instanceof Empty) return;
      throw error;
    }
    printFactors(x);

    await sleep(1);
  }
}

export function printFactors(x: number): void {
  let resultString = `Positive factors of ${x} are: `;
  for (let i = 1; i <= x; i += 1) {
    if (x % i === 0) resultString += `${i} `;
  }
  resultString += `\n${'_'.repeat(20)}`;

  print(resultString);
}

export const input = [1, 10, 4, 3];

export async function main(): Promise<void> {
  // filling the queue
  const myQueue = new Queue<number>();
  for (const x of input) await myQueue.put(x);

  // initializing and starting 3 threads
  const thread1 = new MyThread('A', myQueue);
  const thread2 = new MyThread('B', myQueue);
  const thread3 = new MyThread('C', myQueue);

  await thread1.start();
  await thread2.start();
  await thread3.start();

  // joining all 3 threads
  await thread1.join();
  await thread2.join();
  await thread3.join();

  print('Done.');
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
