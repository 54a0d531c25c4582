import { packageDirOf, watchChildren } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { FibTest, fib } from '../src/example5.js';
import { parseReport } from './unittest-report.js';

const packageDir = packageDirOf(import.meta.url);

describe('example5.py', () => {
  it('computes the Fibonacci numbers the tests expect', () => {
    expect([0, 1, 2, 3, 10, 20].map(fib)).toEqual([0, 1, 1, 2, 55, 6765]);
  });

  it('runs its two tests under node:test in a child process and reports OK, exit 0', async () => {
    const run = await watchChildren(packageDir, 'dist/example5.js');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(parseReport(run.stdout)).toEqual({ marks: '..', ran: 2, verdict: 'OK' });
    expect(run.stdout.split('\n')[1]).toBe('-'.repeat(70));
    expect(run.children.size).toBe(1);
  });

  it('has tests that fail a wrong value', () => {
    const test = new FibTest();
    expect(() => test.assertEqual(fib(10), 56)).toThrow('55 != 56');
  });
});
