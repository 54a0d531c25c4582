// Mirrors Chapter19/example6.py: three slow tests of big Fibonacci numbers make a slow suite.
// Python's integers have no limit; here fib works in BigInt, exact to the last of fib(500000)'s
// 104,494 digits. The tests run under node:test, one after the other in one child process.
import { isMain, runMain } from '@mc/core';
import { TestCase, unittestMain } from './unittest/index.js';

export function fib(i: number): bigint {
  if ([0, 1].includes(i)) return BigInt(i);

  let [a, b] = [0n, 1n];
  let n = 1;
  while (n < i) {
    [a, b] = [b, a + b];
    n += 1;
  }

  return b;
}

export class FibTest extends TestCase {
  readonly mod = 10n ** 10n;

  test_start_values() {
    this.assertEqual(fib(0), 0n);
    this.assertEqual(fib(1), 1n);
  }

  test_big_value_v1() {
    this.assertEqual(fib(499990) % this.mod, 9998843695n);
  }

  test_big_value_v2() {
    this.assertEqual(fib(499995) % this.mod, 1798328130n);
  }

  test_big_value_v3() {
    this.assertEqual(fib(500000) % this.mod, 9780453125n);
  }
}

if (isMain(import.meta.url)) runMain(() => unittestMain(import.meta.url, FibTest), { options: {} });
