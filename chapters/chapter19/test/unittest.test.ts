import { fileURLToPath } from 'node:url';
import { packageDirOf, watchChildren } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { forkForTests } from '../src/unittest/suite.js';
import { TestCase, testNames } from '../src/unittest/test-case.js';

const packageDir = packageDirOf(import.meta.url);

class Sample extends TestCase {
  test_b() {}
  test_a() {}
  helper() {}
}

describe('the unittest twin', () => {
  it('finds the test methods in alphabetical order, as unittest runs them', () => {
    expect(testNames(Sample)).toEqual(['test_a', 'test_b']);
  });

  it("fails assertEqual with unittest's message", () => {
    expect(() => new TestCase().assertEqual(10, 55)).toThrow('10 != 55');
  });

  it("deals tests round-robin into fork_for_tests' groups, starting no empty one", () => {
    expect(forkForTests(2)(['a', 'b', 'c'])).toEqual([['a', 'c'], ['b']]);
    expect(forkForTests(4)(['a', 'b'])).toEqual([['a'], ['b']]);
  });

  it('shows a failure and an error as unittest does, and exits 1', async () => {
    const fixture = fileURLToPath(new URL('./fixtures/mixed-results.mjs', import.meta.url));
    const run = await watchChildren(packageDir, fixture);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    // Tests run in name order: test_fails, test_passes, test_throws.
    expect(lines[0]).toBe('F.E');
    expect(run.stdout).toContain(
      'ERROR: test_throws (MixedTest.test_throws)\n' +
        `${'-'.repeat(70)}\nRangeError: out of range\n`,
    );
    expect(run.stdout).toContain(
      `FAIL: test_fails (MixedTest.test_fails)\n${'-'.repeat(70)}\nAssertionError: 4 != 5\n\n`,
    );
    expect(lines.slice(-4, -3)).toEqual(['-'.repeat(70)]);
    expect(lines.at(-3)).toMatch(/^Ran 3 tests in \d+\.\d{3}s$/);
    expect(lines.at(-1)).toBe('FAILED (failures=1, errors=1)');
  });
});
