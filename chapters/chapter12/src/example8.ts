// Mirrors Chapter12/example8.py: a livelock. Wife and Husband share one fork; each, while hungry,
// sees the other still hungry and politely waits for the partner to eat first, for ever. Both
// threads keep running, neither ever eats, and the fork is never taken. Python switches between
// them at any moment; here each turn of the loop gives way with `await sleep(0)` (Python's way to
// yield), without which the first spouse's loop would hold the one JavaScript thread and the other
// would never run: that would be a blocked event loop, not a livelock. The program runs until it
// is stopped, as Python's does. The book's typo "stared" is kept.
import { isMain, print, runMain } from '@mc/core';
import { Lock, Thread } from '@mc/core/threading';
import { sleep } from '@mc/core/time';

export class Spouse extends Thread {
  partner: Spouse | null;
  hungry = true;

  constructor(name: string, partner: Spouse | null) {
    super({ name });
    this.partner = partner;
  }

  override async run(): Promise<void> {
    while (this.hungry) {
      print(`${this.name} is hungry and wants to eat.`);

      if (this.partner?.hungry) {
        print(`${this.name} is waiting for their partner to eat first...`);
      } else {
        using _fork = await fork.hold();
        print(`${this.name} has stared eating.`);
        await sleep(5);

        print(`${this.name} is now full.`);
        this.hungry = false;
      }
      await sleep(0); // gives way, as Python's scheduler switches threads
    }
  }
}

export const fork = new Lock({ name: 'fork' });

export async function main(): Promise<void> {
  const partner1 = new Spouse('Wife', null);
  const partner2 = new Spouse('Husband', partner1);
  partner1.partner = partner2;

  await partner1.start();
  await partner2.start();

  await partner1.join();
  await partner2.join();

  print('Finished.');
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
