import { TestLoader } from './suite.js';
import type { TestCaseClass } from './test-case.js';
import { TextTestRunner } from './text-test-runner.js';

/**
 * Twin of `unittest.main()`: runs the test case's tests in one node:test child process, prints
 * unittest's report (on stdout here), and sets the exit status as unittest does (1 when a test failed).
 * Pass the module's `import.meta.url`: the child imports the class from it.
 *
 * @example if (isMain(import.meta.url)) runMain(() => unittestMain(import.meta.url, FibTest))
 */
export async function unittestMain(module: string, testCase: TestCaseClass): Promise<void> {
  const suite = new TestLoader().loadTestsFromTestCase(testCase, module);
  const result = await new TextTestRunner().run(suite);
  if (!result.wasSuccessful()) process.exitCode = 1;
}
