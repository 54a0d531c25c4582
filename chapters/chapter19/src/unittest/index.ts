export { unittestMain } from './main.js';
export { ConcurrentTestSuite, forkForTests, TestLoader, TestSuite } from './suite.js';
export { TestCase } from './test-case.js';
export { TestResult, TextTestRunner } from './text-test-runner.js';
