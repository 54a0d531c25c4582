// Mirrors Chapter14/example3.py: example2's locked update with seeded pauses, run twice: 20 calls
// one after the other, then 20 threads. Both take the sum of the pauses, 12 s: once the whole
// update is a critical section, the threads gain nothing.
//
// The book seeds Python's generator (`random.seed(0)`) and draws 20 `randint(0, 1)`; JavaScript's
// generator cannot be seeded, so the 20 values CPython draws are written out here: twelve 1s.
import { isMain, print, runMain, signSpace } from '@mc/core';
import { Lock, Thread } from '@mc/core/threading';
import { sleep } from '@mc/core/time';
import { timer } from '@mc/core/timeit';

let counter = 0;
const countLock = new Lock({ name: 'count_lock' });

export async function update(pausePeriod = 0): Promise<void> {
  using _held = await countLock.hold();
  const currentCounter = counter; // reading in shared resource
  await sleep(pausePeriod); // simulating heavy calculations
  counter = currentCounter + 1; // updating shared resource
}

/** `[random.randint(0, 1) for i in range(20)]` after `random.seed(0)`, as CPython draws them. */
export const PAUSE_PERIODS: readonly number[] = [
  1, 1, 0, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 0, 1, 0, 1, 0, 0, 1,
];

export async function main(): Promise<void> {
  const pausePeriods = PAUSE_PERIODS;

  ///////////////////////////////////////////////////////////////////////////

  counter = 0;

  let start = timer();
  for (let i = 0; i < 20; i++) {
    await update(pausePeriods[i]);
  }

  print('--Sequential version--');
  print(`Final counter: ${counter}.`);
  print(`Took ${signSpace(timer() - start)} seconds.`);

  ///////////////////////////////////////////////////////////////////////////

  counter = 0;

  const threads = Array.from(
    { length: 20 },
    (_, i) => new Thread({ target: update, args: [pausePeriods[i]] }),
  );

  start = timer();
  for (const thread of threads) {
    await thread.start();
  }
  for (const thread of threads) {
    await thread.join();
  }

  print('--Concurrent version--');
  print(`Final counter: ${counter}.`);
  print(`Took ${signSpace(timer() - start)} seconds.`);

  ///////////////////////////////////////////////////////////////////////////

  print('Finished.');
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
