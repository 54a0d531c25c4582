// Mirrors Chapter10/factorial.py: two factorial coroutines that sleep a second between steps,
// gathered: their steps interleave (A, B, A, B...) and the two jobs of 2 and 3 seconds end in about
// 3 s, not 5. Timers of the same length fire in the order they were set, so A always goes first.
import { isMain, print, runMain } from '@mc/core';
import { gather, run, sleep } from '@mc/core/asyncio';

/** Computes n! one factor a second, printing each step. */
export async function customFactorial(name: string, n: number): Promise<number> {
  let f = 1;
  for (let i = 2; i <= n; i += 1) {
    print(`Task ${name}: Compute factorial(${i}).`);
    await sleep(1);
    f *= i;
  }
  print(`Task ${name}: factorial(${n}) is ${f}.`);
  return f;
}

export async function main(): Promise<void> {
  const tasks = [customFactorial('A', 3), customFactorial('B', 4)];
  await gather(...tasks);
}

async function program(): Promise<void> {
  const start = Date.now() / 1000; // the book's time.time()
  await run(main());
  const end = Date.now() / 1000;
  // Python's ' .4f': a space where a minus sign would go, hence the two spaces.
  print(`Total time:  ${(end - start).toFixed(4)}.`);
}

if (isMain(import.meta.url)) runMain(program, { options: {} });
