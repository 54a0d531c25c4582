import { run } from 'node:test';
import { fileURLToPath } from 'node:url';
import { timer } from '@mc/core/timeit';
import type { TestSuite } from './suite.js';
import { TEST_CASE_VARIABLE } from './test-case.js';

const LOADER = fileURLToPath(new URL('./load-tests.js', import.meta.url));
const SEPARATOR = '-'.repeat(70);

/** One test that did not pass: unittest's failures (an assertion) and errors (anything else). */
export interface TestProblem {
  readonly name: string;
  readonly kind: 'FAIL' | 'ERROR';
  readonly message: string;
}

/** Twin of `unittest.TestResult`: what a run found. */
export class TestResult {
  testsRun = 0;
  readonly failures: TestProblem[] = [];
  readonly errors: TestProblem[] = [];

  /** Twin of `wasSuccessful()`. */
  wasSuccessful(): boolean {
    return this.failures.length === 0 && this.errors.length === 0;
  }
}

interface EventData {
  readonly name: string;
  readonly nesting: number;
  readonly skip?: string | boolean;
  readonly todo?: string | boolean;
  readonly details: { readonly type?: string; readonly error?: Error };
}

/**
 * Twin of `unittest.TextTestRunner` (verbosity 1): runs a suite under Node's own test runner and
 * prints what unittest prints: a `.` per passed test, `F` per failure, `E` per error,
 * as each ends, then each problem, a line of 70 dashes, `Ran N tests in T.TTTs`, and `OK` or
 * `FAILED (failures=N)`.
 *
 * Each group of the suite runs in its own process: node:test's `run()` starts a child process for
 * the test file it is given (`load-tests.js`, which loads the suite's class), and a name pattern
 * picks the group's tests. The groups' processes are started together and run side by side.
 *
 * unittest writes its report on stderr; this one writes on stdout by default, where the book's
 * runner (tools/runner) checks what an example declares it prints.
 */
export class TextTestRunner {
  constructor(private readonly stream: NodeJS.WritableStream = process.stdout) {}

  async run(suite: TestSuite): Promise<TestResult> {
    const result = new TestResult();
    // Node 20's run() takes no environment of its own: its child processes inherit this one's.
    process.env[TEST_CASE_VARIABLE] = `${suite.module}#${suite.testCase.name}`;
    const groups = suite.groups();
    const start = timer();
    await Promise.all(
      groups.map(async (group) => {
        const testNamePatterns =
          groups.length === 1 ? undefined : group.map((name) => new RegExp(`^${name}$`));
        for await (const event of run({ files: [LOADER], testNamePatterns })) {
          if (event.type === 'test:pass' || event.type === 'test:fail') {
            this.#record(
              result,
              suite.testCase.name,
              event.type,
              event.data as unknown as EventData,
            );
          }
        }
      }),
    );
    const seconds = timer() - start;
    this.#summarise(result, seconds);
    return result;
  }

  #record(
    result: TestResult,
    className: string,
    type: 'test:pass' | 'test:fail',
    data: EventData,
  ): void {
    // The class's describe reports only what its tests reported; tests of another group are skipped.
    if (data.details.type === 'suite' || data.skip || data.todo) return;
    result.testsRun += 1;
    if (type === 'test:pass') {
      this.stream.write('.');
      return;
    }
    const error =
      data.details.error?.cause instanceof Error ? data.details.error.cause : data.details.error;
    const failed = error?.name === 'AssertionError';
    // A test file that failed to load is reported at nesting 0, under the file's path.
    const problem: TestProblem = {
      name: data.nesting === 0 ? data.name : `${data.name} (${className}.${data.name})`,
      kind: failed ? 'FAIL' : 'ERROR',
      message: error ? `${error.name}: ${error.message}` : 'unknown error',
    };
    (failed ? result.failures : result.errors).push(problem);
    this.stream.write(failed ? 'F' : 'E');
  }

  #summarise(result: TestResult, seconds: number): void {
    this.stream.write('\n');
    for (const problem of [...result.errors, ...result.failures]) {
      this.stream.write(`${'='.repeat(70)}\n${problem.kind}: ${problem.name}\n${SEPARATOR}\n`);
      this.stream.write(`${problem.message}\n\n`);
    }
    const tests = result.testsRun === 1 ? 'test' : 'tests';
    this.stream.write(
      `${SEPARATOR}\nRan ${result.testsRun} ${tests} in ${seconds.toFixed(3)}s\n\n`,
    );
    if (result.wasSuccessful()) {
      this.stream.write('OK\n');
      return;
    }
    const counts = [
      result.failures.length > 0 ? `failures=${result.failures.length}` : '',
      result.errors.length > 0 ? `errors=${result.errors.length}` : '',
    ].filter(Boolean);
    this.stream.write(`FAILED (${counts.join(', ')})\n`);
  }
}
