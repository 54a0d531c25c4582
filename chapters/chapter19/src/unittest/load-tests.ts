/**
 * The test file every node:test child process runs (never a vitest file: vitest collects only
 * `test/**\/*.test.ts`). It imports the module and the test-case class the parent named in
 * `UNITTEST_CASE` (`<module URL>#<export>`), and declares it to node:test: a `describe` named
 * after the class, one `it` per test method. The parent's name patterns pick which of them run
 * in this process (concurrencytest's share of the suite).
 */
import { describe, it } from 'node:test';
import { TEST_CASE_VARIABLE, type TestCaseClass, testNames } from './test-case.js';

const reference = process.env[TEST_CASE_VARIABLE] ?? '';
const hash = reference.lastIndexOf('#');
if (hash < 0)
  throw new Error(`${TEST_CASE_VARIABLE} must be <module URL>#<export>, got "${reference}"`);
const module: Record<string, unknown> = await import(reference.slice(0, hash));
const testCase = module[reference.slice(hash + 1)] as TestCaseClass;

describe(testCase.name, () => {
  for (const name of testNames(testCase)) {
    it(name, () => {
      const instance = new testCase();
      return Reflect.get(instance, name).call(instance);
    });
  }
});
