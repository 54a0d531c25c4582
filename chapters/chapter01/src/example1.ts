// Mirrors Chapter01/example1.py: the same prime search, sequentially, then on a pool of 20 workers.
// Lesson: the checks are independent, so a pool can run them at the same time and finish sooner.
// Node: the book's processes are worker threads (one engine and heap each), really in parallel.
// On 2 cores the book's 20 workers cost more to start than they return; `--workers cores` sizes
// the pool to the cores (see README).
import { isMain, print, runMain } from '@mc/core';
import { asCompleted, ProcessPoolExecutor, workerFunction } from '@mc/core/concurrent/futures';
import { timer } from '@mc/core/timeit';
import { isPrime } from '@mc/primes';
import { parseWorkersOption } from './workers-option.js';

/** The book's input: the 500 integers from 10^13 up. */
export const input: readonly number[] = Array.from({ length: 500 }, (_, i) => 10 ** 13 + i);

/** The pool size the book asks for. */
export const bookWorkers = 20;

/** The same `isPrime`, named so that a worker thread can load it (compiled JavaScript). */
const isPrimeTask = workerFunction<typeof isPrime>(import.meta.resolve('@mc/primes'), 'isPrime');

/** The sequential half: one check after another, in input order. */
export function sequentialSolve(numbers: readonly number[]): number[] {
  const result: number[] = [];
  for (const i of numbers) {
    if (isPrime(i)) result.push(i);
  }
  return result;
}

/**
 * The concurrent half: one task per number on a pool of `maxWorkers` workers, results collected in
 * the order the tasks complete. Returns once the pool has shut down, as the book's `with` block.
 */
export async function concurrentSolve(
  numbers: readonly number[],
  maxWorkers: number,
): Promise<number[]> {
  const result: number[] = [];
  await using executor = new ProcessPoolExecutor({ maxWorkers });
  const futures = numbers.map((i) => executor.submit(isPrimeTask, i));
  for await (const future of asCompleted(futures)) {
    const prime = await future.result();
    if (prime) result.push(prime);
  }
  return result;
}

/** Prints `Took: X.XX seconds.` for the time since `start`, as the book's `%.2f`. */
function printTook(start: number): void {
  print(`Took: ${(timer() - start).toFixed(2)} seconds.`);
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const workers = parseWorkersOption(argv, bookWorkers);

  // sequential
  let start = timer();
  print('Result 1:', sequentialSolve(input));
  printTook(start);

  // concurrent
  start = timer();
  print('Result 2:', await concurrentSolve(input, workers));
  printTook(start);
}

// A bad --workers value throws core's UsageError: runMain prints it as one line, exit status 2.
if (isMain(import.meta.url)) runMain(main);
