/**
 * The book's primality check (Chapters 1, 2, 3 and 6): returns the number itself when it is prime
 * and `false` otherwise, so a pool's results can be filtered for truthiness as the book does. Even
 * numbers are settled at once; odd ones are tried against odd divisors up to the integer square
 * root plus one. Exact for every safe integer (below 2^53); the book's inputs are near 10^13.
 *
 * This module holds nothing else, so a worker pool can load it as its worker module.
 *
 * @example isPrime(10000000000037) // 10000000000037
 */
export function isPrime(x: number): number | false {
  if (!Number.isSafeInteger(x)) throw new RangeError(`isPrime needs a safe integer, got ${x}`);
  if (x < 2) return false;
  if (x === 2) return x;
  if (x % 2 === 0) return false;
  const limit = Math.floor(Math.sqrt(x)) + 1;
  for (let divisor = 3; divisor < limit; divisor += 2) {
    if (x % divisor === 0) return false;
  }
  return x;
}
