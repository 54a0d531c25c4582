// Mirrors Chapter09/example2.py: the same checks as three tasks on one event loop. The big one
// hands the loop back every 100,000 divisors (`await sleep(0)`), so the two cheap ones start and
// finish meanwhile; nothing runs in parallel, and the whole takes longer than example1. Node's loop
// is implicit: no loop to get or close. `sleep(0)` is a full loop turn (setImmediate), as
// `asyncio.sleep(0)`; an `await null` would yield to microtasks only, never to timers or I/O.
import { isMain, print, runMain } from '@mc/core';
import { createTask, run, sleep, wait } from '@mc/core/asyncio';
import { NUMBERS, trialLimit } from './example1.js';

/** example1's check as a coroutine that yields to the loop whenever `i % 100000 == 1`. */
export async function isPrime(x: bigint): Promise<void> {
  print(`Processing ${x}...`);

  if (x < 2n) {
    print(`${x} is not a prime number.`);
  } else if (x === 2n) {
    print(`${x} is a prime number.`);
  } else if (x % 2n === 0n) {
    print(`${x} is not a prime number.`);
  } else {
    const limit = trialLimit(x);
    for (let i = 3n; i < limit; i += 2n) {
      if (x % i === 0n) {
        print(`${x} is not a prime number.`);
        return;
      } else if (i % 100000n === 1n) {
        await sleep(0);
      }
    }

    print(`${x} is a prime number.`);
  }
}

export async function main(): Promise<void> {
  // A JavaScript async function starts as soon as it is called: task1 runs to its first yield here,
  // where Python's waits for the loop. The printed order is the same.
  const task1 = createTask(isPrime(NUMBERS[0]));
  const task2 = createTask(isPrime(NUMBERS[1]));
  const task3 = createTask(isPrime(NUMBERS[2]));

  await wait([task1, task2, task3]);
}

async function program(): Promise<void> {
  try {
    await run(main());
  } catch (error) {
    print('There was a problem:');
    print((error as Error).message);
  }
  // The book's `finally: loop.close()` has no twin: Node's loop is not an object to close.
}

if (isMain(import.meta.url)) runMain(program, { options: {} });
