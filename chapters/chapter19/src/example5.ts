// Mirrors Chapter19/example5.py: unit tests pin down a function's behaviour (a recursive Fibonacci).
// unittest's TestCase runs under Node's own test runner (node:test) here, in a child process
// it starts; the report on stderr is unittest's, and a failing test makes the exit status 1.
import { isMain, runMain } from '@mc/core';
import { TestCase, unittestMain } from './unittest/index.js';

export function fib(i: number): number {
  if ([0, 1].includes(i)) return i;

  return fib(i - 1) + fib(i - 2);
}

export class FibTest extends TestCase {
  test_start_values() {
    this.assertEqual(fib(0), 0);
    this.assertEqual(fib(1), 1);
  }

  test_other_values() {
    this.assertEqual(fib(10), 55);
  }
}

if (isMain(import.meta.url)) runMain(() => unittestMain(import.meta.url, FibTest), { options: {} });
