// Mirrors Chapter13/example1.py: readers and writers, with the readers preferred. The first
// reader in locks the resource for all readers, the last one out unlocks it; a writer needs the
// resource to itself. Three readers re-entering at once keep at least one of them always inside,
// so the writers wait for ever: they starve, and the text never changes. The program runs until
// it is stopped, as Python's does.
//
// In Python the threads are switched while one prints; here reading and writing take a random
// 0 to 3 ms instead (`work`, see turns.ts), and the threads start in turn, readers first.
// `resource` is acquired by one reader and released by another: core's Lock, as Python's, lets
// any thread release it.
import { isMain, print, runMain } from '@mc/core';
import { currentThread, Lock, Thread } from '@mc/core/threading';
import { work } from './turns.js';

let text = 'This is some text. ';
let rcount = 0;

const rcounter = new Lock({ name: 'rcounter' });
const resource = new Lock({ name: 'resource' });

export async function writer(): Promise<void> {
  while (true) {
    using _resource = await resource.hold();
    print(`Writing being done by ${currentThread().name}.`);
    text += `Writing was done by ${currentThread().name}. `;
    await work();
  }
}

export async function reader(): Promise<void> {
  while (true) {
    {
      using _rcounter = await rcounter.hold();
      rcount += 1;
      if (rcount === 1) {
        await resource.acquire();
      }
    }

    print(`Reading being done by ${currentThread().name}:`);
    print(text);
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
