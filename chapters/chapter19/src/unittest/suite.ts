import { type TestCaseClass, testNames } from './test-case.js';

/**
 * Twin of `unittest.TestSuite`: the tests of one test-case class, and how they are split among
 * processes. A plain suite runs in one process, as unittest runs every test in its own.
 */
export class TestSuite {
  constructor(
    /** The module that exports the class, as `import.meta.url` gives it. */
    readonly module: string,
    readonly testCase: TestCaseClass,
    readonly names: readonly string[] = testNames(testCase),
  ) {}

  /** The tests each process runs: all of them, in one. */
  groups(): readonly (readonly string[])[] {
    return [this.names];
  }
}

/**
 * Twin of `unittest.TestLoader`. Python finds the class's module by itself; here the caller
 * passes `import.meta.url` too, since each node:test child process imports the class from it.
 */
export class TestLoader {
  /** Twin of `loadTestsFromTestCase(C)`: a suite of C's `test*` methods, in alphabetical order. */
  loadTestsFromTestCase(testCase: TestCaseClass, module: string): TestSuite {
    return new TestSuite(module, testCase);
  }
}

/** Splits a suite's tests into the groups that each run in a process of their own. */
export type MakeGroups = (names: readonly string[]) => (readonly string[])[];

/**
 * Twin of concurrencytest's `fork_for_tests(n)`: deal the tests round-robin into `n` groups, one
 * process each (empty groups start none).
 */
export function forkForTests(processes: number): MakeGroups {
  return (names) => {
    const groups = Array.from({ length: processes }, (_, group) =>
      names.filter((_, index) => index % processes === group),
    );
    return groups.filter((group) => group.length > 0);
  };
}

/**
 * Twin of concurrencytest's `ConcurrentTestSuite(suite, fork_for_tests(n))`: the same tests, run
 * in several processes at once.
 */
export class ConcurrentTestSuite extends TestSuite {
  readonly #makeGroups: MakeGroups;

  constructor(suite: TestSuite, makeGroups: MakeGroups) {
    super(suite.module, suite.testCase, suite.names);
    this.#makeGroups = makeGroups;
  }

  override groups(): readonly (readonly string[])[] {
    return this.#makeGroups(this.names);
  }
}
