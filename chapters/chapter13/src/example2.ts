// Mirrors Chapter13/example2.py: readers and writers, with the writers preferred. The first
// writer to announce itself takes `read_try`, which every reader needs to come in, and the last
// writer out gives it back. Two writers re-entering at once keep at least one of them always
// announced, so after the first write the readers wait for ever: they starve. The program runs
// until it is stopped, as Python's does. (Each reader holds `read_try` while it reads, so readers
// read one at a time: the book's protocol.)
//
// As in example1, reading and writing take a random 0 to 3 ms (`work`, see turns.ts), and the
// threads start in turn, readers first.
import { isMain, print, runMain } from '@mc/core';
import { currentThread, Lock, Thread } from '@mc/core/threading';
import { work } from './turns.js';

let text = 'This is some text. ';
let wcount = 0;
let rcount = 0;

const wcounter = new Lock({ name: 'wcounter' });
const rcounter = new Lock({ name: 'rcounter' });
const resource = new Lock({ name: 'resource' });
const readTry = new Lock({ name: 'read_try' });

export async function writer(): Promise<void> {
  while (true) {
    {
      using _wcounter = await wcounter.hold();
      wcount += 1;
      if (wcount === 1) {
        await readTry.acquire();
      }
    }

    {
      using _resource = await resource.hold();
      print(`Writing being done by ${currentThread().name}.`);
      text += `Writing was done by ${currentThread().name}. `;
      await work();
    }

    {
      using _wcounter = await wcounter.hold();
      wcount -= 1;
      if (wcount === 0) {
        readTry.release();
      }
    }
  }
}

export async function reader(): Promise<void> {
  while (true) {
    using _readTry = await readTry.hold();
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
