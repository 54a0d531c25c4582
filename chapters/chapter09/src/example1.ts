// Mirrors Chapter09/example1.py: three primality checks run one after another, so the two cheap
// ones wait for the expensive one. Plain synchronous code: the event loop plays no part. The first
// number, 9637529763296797, is above 2^53, where a JavaScript number cannot hold it (it would
// become 9637529763296796, even): every number here is a BigInt, exact.
import { isMain, print, runMain } from '@mc/core';

/** The book's three inputs, all prime; the first needs 49,085,460 trial divisions. */
export const NUMBERS = [9637529763296797n, 427920331n, 157n] as const;

/** The book's `int(sqrt(x)) + 1`: the float square root is exact enough for the limit. */
export function trialLimit(x: bigint): bigint {
  return BigInt(Math.trunc(Math.sqrt(Number(x)))) + 1n;
}

/** Prints `Processing x...`, then whether `x` is prime, by trial division with odd divisors. */
export function isPrime(x: bigint): void {
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
      }
    }

    print(`${x} is a prime number.`);
  }
}

export function main(): void {
  for (const x of NUMBERS) isPrime(x);
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
