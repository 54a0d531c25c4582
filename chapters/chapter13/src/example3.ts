// Mirrors Chapter13/example3.py: readers and writers through a turnstile. Every thread first
// passes `service`, one at a time, before it asks for the resource: a writer waiting for the
// resource holds the turnstile, so no new reader gets in ahead of it, and a waiting reader
// likewise holds off the writers behind it. Everybody gets turns: nobody starves. The readers
// print no text (the book's line is commented out). The program runs until it is stopped, as
// Python's does.
//
// As in example1, reading and writing take a random 0 to 3 ms (`work`, see turns.ts), and the
// threads start in turn, readers first. core's Lock serves its waiters in arrival order, so the
// turnstile is a fair queue here; Python's lock promises no order, so its turns are only
// roughly even.
import { isMain, print, runMain } from '@mc/core';
import { currentThread, Lock, Thread } from '@mc/core/threading';
import { work } from './turns.js';

// biome-ignore lint/correctness/noUnusedVariables: written as in the book, whose reader's print(text) is commented out
let text = 'This is some text. ';
let rcount = 0;

const rcounter = new Lock({ name: 'rcounter' });
const resource = new Lock({ name: 'resource' });
const service = new Lock({ name: 'service' });

export async function writer(): Promise<void> {
  while (true) {
    {
      using _service = await service.hold();
      await resource.acquire();
    }

    print(`Writing being done by ${currentThread().name}.`);
    text += `Writing was done by ${currentThread().name}. `;
    await work();

    resource.release();
  }
}

export async function reader(): Promise<void> {
  while (true) {
    {
      using _service = await service.hold();
      await rcounter.acquire();
      rcount += 1;
      if (rcount === 1) {
        await resource.acquire();
      }
    }
    rcounter.release();

    print(`Reading being done by ${currentThread().name}:`);
    // print(text)
    await work();

    {
      using _rcounter = await rcounter.hold();
      rcount -= 1;
      if (rcount === 0) {
        resource.release();
      }
    }
  }
}

export async function main(): Promise<void> {
  const threads = [
    ...Array.from({ length: 3 }, () => new Thread({ target: reader })),
    ...Array.from({ length: 2 }, () => new Thread({ target: writer })),
  ];

  for (const thread of threads) {
    await thread.start();
  }
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
