// Mirrors Chapter06/example6.py: the main program puts a MyWorker object on a queue; the child
// takes it and calls its method. The object travels as a copy (its class name and fields, the
// twin of pickling) and the child rebuilds it as a MyWorker from the class this module exports,
// as Python's child unpickles it from the class its own copy of the module defines.
import { isMain, print, runMain } from '@mc/core';
import { currentProcess, Process, Queue } from '@mc/core/multiprocessing';

export class MyWorker {
  x: number;

  constructor(x: number) {
    this.x = x;
  }

  process(): void {
    const pname = currentProcess().name;
    print(`Starting process ${pname} for number ${this.x}...`);
  }
}

export async function work(q: Queue<MyWorker>): Promise<void> {
  const worker = await q.get();
  worker.process();
}

export async function main(): Promise<void> {
  const myQueue = new Queue<MyWorker>();

  const p = new Process({ target: work, args: [myQueue] });
  p.start();

  await myQueue.put(new MyWorker(10));

  myQueue.close();
  await myQueue.joinThread();
  await p.join();

  print('Done.');
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
