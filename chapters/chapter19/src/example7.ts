// Mirrors Chapter19/example7.py: the slow suite of example6, split among 4 processes that run at once.
// concurrencytest forks 4 copies of the interpreter; here node:test's run() starts one child
// process per group of tests, all four together, so the three slow tests compute on separate cores.
import { isMain, runMain } from '@mc/core';
import { FibTest, fib } from './example6.js';
import { ConcurrentTestSuite, forkForTests, TestLoader, TextTestRunner } from './unittest/index.js';

// The book repeats example6's fib and FibTest here word for word; they are written once, in example6.
// Re-exported: each test process imports FibTest from this module.
export { FibTest, fib };

async function main() {
  const runner = new TextTestRunner();

  // multiprocessing testing
  const suite = new TestLoader().loadTestsFromTestCase(FibTest, import.meta.url);
  const concurrentSuite = new ConcurrentTestSuite(suite, forkForTests(4));
  // Like the book's script, the exit status is 0 whatever the result: only unittest.main() sets it.
  await runner.run(concurrentSuite);
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
