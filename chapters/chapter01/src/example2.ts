// Mirrors Chapter01/example2.py.
// Lesson: an inherently sequential computation (each step needs the previous result) gains nothing
// from a pool: the 'concurrent' half is the sequential loop in disguise, plus the pool's overhead.
// Node: the book's 20 threads are 20 event-loop tasks (core ThreadPoolExecutor), which take turns on
// one thread as Python's threads take turns under the GIL; the value passes 2^53, so it is a BigInt.
import { isMain, print, runMain } from '@mc/core';
import { ThreadPoolExecutor } from '@mc/core/concurrent/futures';
import { timer } from '@mc/core/timeit';

/** f(x) = x * x - x + 1, the step the book iterates. */
export function f(x: bigint): bigint {
  return x * x - x + 1n;
}

/** How many times the book applies `f`, starting from `seed`. */
export const steps = 20;
export const seed = 3n;

/** The sequential half: `f` applied `steps` times from `seed`. */
export function sequentialSolve(): bigint {
  let result = seed;
  for (let i = 0; i < steps; i++) {
    result = f(result);
  }
  return result;
}

// The shared global each task of the concurrent half replaces, as the book's `global result`.
let result = seed;

/** One task of the concurrent half: replaces the shared global with f(global). `x` is unused, as in the book. */
export function concurrentF(_x: number): void {
  result = f(result);
}

/**
 * The concurrent half: `steps` tasks on a pool of 20 'threads', each calling `concurrentF`. Returns
 * the shared global once the pool has closed.
 */
export async function concurrentSolve(): Promise<bigint> {
  result = seed;
  {
    await using executor = new ThreadPoolExecutor({ maxWorkers: 20 });
    for (let i = 0; i < steps; i++) executor.submit(concurrentF, i);
  }
  return result;
}

/** Prints the last five digits, as the book does for a number too large to print. */
function printLastDigits(value: bigint): void {
  print('Result is very large. Only printing the last 5 digits:', value % 100000n);
}

export async function main(): Promise<void> {
  // Not in the book: the first multiplications this large pay once for growing Node's heap (about
  // 30 ms here, more than the whole computation), which would make whichever half runs first look
  // slower. One untimed run first, so the two halves are compared warm.
  sequentialSolve();

  // sequential
  let start = timer();
  printLastDigits(sequentialSolve());
  print(`Sequential took: ${(timer() - start).toFixed(2)} seconds.`);

  // concurrent
  start = timer(); // the book forgets this reset: its Concurrent time includes the sequential half
  printLastDigits(await concurrentSolve());
  print(`Concurrent took: ${(timer() - start).toFixed(2)} seconds.`);
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
