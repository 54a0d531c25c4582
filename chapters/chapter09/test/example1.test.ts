import { captureLines, exampleRunner, packageDirOf, testBadArguments } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { isPrime } from '../src/example1.js';

const runExample = exampleRunner(import.meta.url, { limitSeconds: 30 });

/** The six lines of example1: each check printed whole before the next starts. */
const SEQUENTIAL_LINES = [
  'Processing 9637529763296797...',
  '9637529763296797 is a prime number.',
  'Processing 427920331...',
  '427920331 is a prime number.',
  'Processing 157...',
  '157 is a prime number.',
];

describe('example1.py', () => {
  it('checks the three numbers one after another, the big one exactly (above 2^53)', async () => {
    const run = await runExample('example1');
    expect(run.code).toBe(0);
    expect(run.lines).toEqual(SEQUENTIAL_LINES);
  });

  it.each([
    [1n, false],
    [2n, true],
    [4n, false],
    [9n, false],
    [157n, true],
    [427920331n, true],
    // 2^53 + 1 = 3 x 107 x 28059810762433: as a JavaScript number it would be 2^53, settled as even.
    [9007199254740993n, false],
    // 94906249 x 94906297, two primes, above 2^53 with no factor below 94906249: found only by exact division.
    [94906249n * 94906297n, false],
  ])('isPrime(%s): prime %s', async (x, prime) => {
    const { lines } = await captureLines(() => isPrime(x));
    expect(lines).toEqual([`Processing ${x}...`, `${x} is ${prime ? 'a' : 'not a'} prime number.`]);
  });
});

testBadArguments(packageDirOf(import.meta.url), [
  ['example1', ['--fast'], "unknown option '--fast'; this program takes no arguments"],
  ['example2', ['x'], "unexpected argument 'x'; this program takes no arguments"],
]);
