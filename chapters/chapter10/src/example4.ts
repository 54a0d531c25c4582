// Mirrors Chapter10/example4.py: Chapter 9's cooperative prime tasks, now timed. The small checks
// finish first, but the whole takes longer than example3: one thread does all the work, plus a
// modulo test per divisor and 981 loop turns. Tasks on one loop never make CPU work faster.
import { isMain, print, runMain } from '@mc/core';
import { createTask, run, wait } from '@mc/core/asyncio';
import { timer } from '@mc/core/timeit';
import { isPrime } from 'chapter09/example2';

export async function main(): Promise<void> {
  const task1 = createTask(isPrime(9637529763296797n));
  const task2 = createTask(isPrime(427920331n));
  const task3 = createTask(isPrime(157n));

  await wait([task1, task2, task3]);
}

async function program(): Promise<void> {
  try {
    const start = timer();
    await run(main());
    print(`Took ${(timer() - start).toFixed(2)} seconds.`);
  } catch (error) {
    print('There was a problem:');
    print((error as Error).message);
  }
  // `finally: loop.close()`: no twin, Node's loop is not an object to close.
}

if (isMain(import.meta.url)) runMain(program, { options: {} });
