import { AssertionError } from 'node:assert';

/**
 * Twin of Python's `unittest.TestCase`: a class whose `test_*` methods are its tests, each run on
 * a fresh instance, in alphabetical order (unittest's default), so the constructor is `setUp`'s
 * place as in the book. Here the tests run under Node's own test runner (`node:test`); see
 * `load-tests.ts` for how a class becomes a `describe` with one `it` per method.
 *
 * @example class FibTest extends TestCase { test_start_values() { this.assertEqual(fib(0), 0n) } }
 */
export class TestCase {
  /**
   * Twin of `assertEqual(first, second)` (here `Object.is`, BigInts by value): fails with
   * unittest's message alone, `AssertionError: 10 != 55` (node:assert would add its own diff).
   */
  assertEqual(first: unknown, second: unknown): void {
    if (!Object.is(first, second)) {
      throw new AssertionError({ message: `${String(first)} != ${String(second)}` });
    }
  }
}

/** The variable that names the test case a node:test child loads: `<module URL>#<export>`. */
export const TEST_CASE_VARIABLE = 'UNITTEST_CASE';

/** A test-case class: what `unittest.TestLoader().loadTestsFromTestCase(C)` is given. */
export type TestCaseClass = new () => TestCase;

/** The test method names of a test-case class, in the order unittest runs them (alphabetical). */
export function testNames(testCase: TestCaseClass): string[] {
  const names = new Set<string>();
  for (let proto = testCase.prototype; proto && proto !== Object.prototype; ) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name.startsWith('test') && typeof Reflect.get(proto, name) === 'function')
        names.add(name);
    }
    proto = Object.getPrototypeOf(proto);
  }
  return [...names].sort();
}
