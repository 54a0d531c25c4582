// Mirrors Chapter10/example1.py: three countdowns with blocking sleeps, one after another, so the
// total is the sum of every sleep (about 6.9 s). `blockingSleep` is `time.sleep`: Atomics.wait
// stops the thread for real, nothing else runs meanwhile. Each countdown writes its lines straight
// to stdout, whole, so that example5 can run this same function on worker threads (a worker blocked
// in Atomics.wait could not flush console.log until it ended).
import { writeSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { isMain, print, runMain } from '@mc/core';
import { blockingSleep } from '@mc/core/asyncio';

export const SEPARATOR = '-'.repeat(40);

/**
 * The time now in milliseconds on a clock every thread shares: `performance.now()` starts at each
 * thread's own birth, `timeOrigin` puts it back on one scale (the book's `time.perf_counter()`).
 */
export function clock(): number {
  return performance.timeOrigin + performance.now();
}

/** Prints the separator and `<elapsed> \t<indent><name> = <n>` as one write, whole from any thread. */
export function report(name: string, n: number, start: number): void {
  const indents = '\t'.repeat(name.charCodeAt(0) - 'A'.charCodeAt(0));
  const duration = (clock() - start) / 1000;
  writeSync(1, `${SEPARATOR}\n${duration.toFixed(4)} \t${indents}${name} = ${n}\n`);
}

/** Counts down from 3, blocking the thread for `delay` seconds before each number. */
export function countDown(name: string, delay: number, start: number): void {
  let n = 3;
  while (n) {
    blockingSleep(delay);
    report(name, n, start);
    n -= 1;
  }
}

export function main(): void {
  const start = clock();
  countDown('A', 1, start);
  countDown('B', 0.8, start);
  countDown('C', 0.5, start);

  print(SEPARATOR);
  print('Done.');
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
