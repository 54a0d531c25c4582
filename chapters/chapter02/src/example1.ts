// Mirrors Chapter02/example1.py.
// Lesson (Amdahl's law): the same prime search on pools of 1, 2, ... cpuCount() workers speeds up
// with each worker only as far as the parallel part allows, and less and less with each worker.
// Node: the book's process pool is a pool of worker threads (each its own engine and heap), loading
// the compiled `isPrime`; the main guard keeps a worker that loads this module from rerunning it.
import { isMain, print, runMain } from '@mc/core';
import { asCompleted, ProcessPoolExecutor, workerFunction } from '@mc/core/concurrent/futures';
import { cpuCount } from '@mc/core/multiprocessing';
import { timer } from '@mc/core/timeit';
import type { isPrime } from '@mc/primes';

/** The book's input: the 1000 integers from 10^13 up. */
export const input: readonly number[] = Array.from({ length: 1000 }, (_, i) => 10 ** 13 + i);

/** `isPrime`, named so that a worker thread can load it (compiled JavaScript). */
export const isPrimeTask = workerFunction<typeof isPrime>(
  import.meta.resolve('@mc/primes'),
  'isPrime',
);

/** What one run of `concurrentSolve` measured, in seconds, and the primes it found. */
export interface Timing {
  readonly nWorkers: number;
  /** Time spent collecting the completed results. */
  readonly subDuration: number;
  /** The pool's whole life: start-up, every task, shutdown. */
  readonly duration: number;
  readonly result: readonly number[];
}

/** Solves the search on a pool of `nWorkers` and prints the book's three lines. */
export async function concurrentSolve(
  nWorkers: number,
  numbers: readonly number[] = input,
): Promise<Timing> {
  print(`Number of workers: ${nWorkers}.`);

  const start = timer();
  const result: number[] = [];
  let subDuration: number;
  {
    await using executor = new ProcessPoolExecutor({ maxWorkers: nWorkers });
    const futures = numbers.map((i) => executor.submit(isPrimeTask, i));
    const completedFutures = asCompleted(futures);

    const subStart = timer();
    for await (const future of completedFutures) {
      const prime = await future.result();
      if (prime) result.push(prime);
    }
    subDuration = timer() - subStart;
  }
  const duration = timer() - start;

  print(`Sub took: ${subDuration.toFixed(4)} seconds.`);
  print(`Took: ${duration.toFixed(4)} seconds.`);
  return { nWorkers, subDuration, duration, result };
}

/** Runs the search for every worker count from 1 to the number of cores. */
export async function main(): Promise<Timing[]> {
  const timings: Timing[] = [];
  for (let nWorkers = 1; nWorkers <= cpuCount(); nWorkers++) {
    timings.push(await concurrentSolve(nWorkers));
    print('_'.repeat(20));
  }
  return timings;
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
