// Mirrors Chapter19/example7.py: the slow suite of example6, split among 4 processes that run at once.
// concurrencytest forks 4 copies of the interpreter; here node:test's run() starts one child
// process per group of tests, all four together, so the three slow tests compute on separate cores.
import { isMain, runMain } from '@mc/core';
import {
  ConcurrentTestSuite,
  forkForTests,
  TestCase,
  TestLoader,
  TextTestRunner,
} from './unittest/index.js';

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

async function main() {
  const runner = new TextTestRunner();

  // multiprocessing testing
  const suite = new TestLoader().loadTestsFromTestCase(FibTest, import.meta.url);
  const concurrentSuite = new ConcurrentTestSuite(suite, forkForTests(4));
  // Like the book's script, the exit status is 0 whatever the result: only unittest.main() sets it.
  await runner.run(concurrentSuite);
}

if (isMain(import.meta.url)) runMain(main);
