// Mirrors Chapter14/example1.py: 20 threads each read a shared counter, pause 0 or 1 s at random
// ("heavy calculations"), then write back what they read plus one. A thread that pauses 1 s
// writes back a value read a second ago, overwriting every increment made meanwhile: updates are
// lost for real, and the final counter is far below 20 (Python printed 4, 7, 8).
//
// The race is across the pause, which is a wait in Python (the sleep lets other threads run) and
// an `await` here: the same lost update, on one event loop. Python's start() lets the new thread
// run until it first blocks, so a thread that pauses 0 s is done before the next one starts; so
// does core's `await thread.start()` (a plain `thread.start()` would let all 20 read 0 first, and
// the counter would always end at 1).
import { isMain, print, runMain } from '@mc/core';
import { Thread } from '@mc/core/threading';
import { sleep } from '@mc/core/time';

/** Python's `random.randint(a, b)`: a whole number from a to b, both included. */
export function randint(a: number, b: number): number {
  return a + Math.floor(Math.random() * (b - a + 1));
}

let counter = 0;

export async function update(): Promise<void> {
  const currentCounter = counter; // reading in shared resource
  await sleep(randint(0, 1)); // simulating heavy calculations
  counter = currentCounter + 1; // updating shared resource
}

export async function main(): Promise<void> {
  counter = 0;

  const threads = Array.from({ length: 20 }, () => new Thread({ target: update }));

  for (const thread of threads) {
    await thread.start();
  }
  for (const thread of threads) {
    await thread.join();
  }

  print(`Final counter: ${counter}.`);
  print('Finished.');
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
