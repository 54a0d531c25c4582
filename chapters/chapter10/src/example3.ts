// Mirrors Chapter10/example3.py: Chapter 9's sequential prime checks, now timed: the baseline for
// examples 4 and 6. The check is Chapter 9's own `isPrime`, over BigInt (the first number is above
// 2^53), imported rather than copied, as the book reuses that chapter's function.
import { isMain, print, runMain } from '@mc/core';
import { timer } from '@mc/core/timeit';
import { isPrime } from 'chapter09/example1';

export function main(): void {
  const start = timer();
  isPrime(9637529763296797n);
  isPrime(427920331n);
  isPrime(157n);
  print(`Took ${(timer() - start).toFixed(2)} seconds.`);
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
