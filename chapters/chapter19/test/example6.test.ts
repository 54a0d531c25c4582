import { packageDirOf, watchChildren } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { fib } from '../src/example6.js';
import { parseReport } from './unittest-report.js';

const packageDir = packageDirOf(import.meta.url);

describe('example6.py', () => {
  it('computes exact big Fibonacci numbers in BigInt', () => {
    expect(fib(10)).toBe(55n);
    expect(fib(0)).toBe(0n);
    // fib(100) is past 2^53: a plain number would lose its last digits.
    expect(fib(100)).toBe(354224848179261915075n);
  });

  it('runs the four tests one after the other in one child process, and all pass', async () => {
    const run = await watchChildren(packageDir, 'dist/example6.js');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(parseReport(run.stdout)).toEqual({ marks: '....', ran: 4, verdict: 'OK' });
    expect(run.children.size).toBe(1);
    expect(run.mostAtOnce).toBe(1);
  });
});
