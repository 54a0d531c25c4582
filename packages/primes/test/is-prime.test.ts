import { describe, expect, it } from 'vitest';
import { isPrime } from '../src/index.js';

describe('isPrime', () => {
  it('returns the number itself for primes, false otherwise', () => {
    expect([0, 1, 2, 3, 4, 9, 25, 193, 323, 1327].map(isPrime)).toEqual([
      false,
      false,
      2,
      3,
      false,
      false,
      false,
      193,
      false,
      1327,
    ]);
  });

  it('finds the 16 primes in [10^13, 10^13 + 500)', () => {
    const primes = Array.from({ length: 500 }, (_, i) => 1e13 + i).filter((x) => isPrime(x));
    expect(primes).toHaveLength(16);
    expect(primes.slice(0, 3)).toEqual([10000000000037, 10000000000051, 10000000000099]);
    expect(primes.at(-1)).toBe(10000000000453);
  });

  it('rejects numbers it cannot test exactly', () => {
    expect(() => isPrime(2 ** 53)).toThrow(RangeError);
    expect(() => isPrime(1.5)).toThrow(RangeError);
  });
});
