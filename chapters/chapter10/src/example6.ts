// Mirrors Chapter10/example6.py: the CPU-bound checks handed to a pool of three workers with
// `run_in_executor`: they really run in parallel, so the small ones end at once while the big one
// computes, with no yields and no loop turns (compare example4). Python's processes are worker
// threads here (core's ProcessPoolExecutor): no GIL between them, one core each.
import { isMain, print, runMain } from '@mc/core';
import { gather, run, runInExecutor } from '@mc/core/asyncio';
import { ProcessPoolExecutor, workerFunction } from '@mc/core/concurrent/futures';
import { timer } from '@mc/core/timeit';
import type { isPrime } from './workers/is_prime.js';

const isPrimeTask = workerFunction<typeof isPrime>(
  new URL('./workers/is_prime.js', import.meta.url),
  'isPrime',
);

export async function main(executor: ProcessPoolExecutor): Promise<void> {
  const task1 = runInExecutor(executor, isPrimeTask, 9637529763296797n);
  const task2 = runInExecutor(executor, isPrimeTask, 427920331n);
  const task3 = runInExecutor(executor, isPrimeTask, 157n);

  await gather(task1, task2, task3);
}

async function program(): Promise<void> {
  try {
    const start = timer();
    await using executor = new ProcessPoolExecutor({ maxWorkers: 3 });
    await run(main(executor));
    print(`Took ${(timer() - start).toFixed(2)} seconds.`);
  } catch (error) {
    print('There was a problem:');
    print((error as Error).message);
  }
}

if (isMain(import.meta.url)) runMain(program, { options: {} });
