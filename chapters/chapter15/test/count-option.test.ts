import { UsageError } from '@mc/core';
import { describe, expect, it } from 'vitest';
import { COUNT, DEFAULT_COUNT, parseCount } from '../src/count-option.js';

describe('count-option (parseCount)', () => {
  it("counts from the default without --count, and from the book's COUNT when asked", () => {
    expect(parseCount([])).toBe(DEFAULT_COUNT);
    expect(parseCount(['--count', String(COUNT)])).toBe(50_000_000);
    expect(parseCount(['--count', '2'])).toBe(2);
  });

  it('keeps the default count and its halves in 32-bit integers, as its comment promises', () => {
    expect(DEFAULT_COUNT).toBeLessThan(2 ** 31);
    expect(Number.isInteger(DEFAULT_COUNT / 2)).toBe(true);
  });

  it("refuses a count it cannot split or read, and any other option, in one line naming the book's count", () => {
    for (const argv of [
      ['--count', '1'],
      ['--count', '1e3'],
      ['--count', 'x'],
      ['--threads', '2'],
    ]) {
      let error: unknown;
      try {
        parseCount(argv);
      } catch (thrown) {
        error = thrown;
      }
      expect(error, argv.join(' ')).toBeInstanceOf(UsageError);
      expect((error as Error).message).toMatch(
        /the only option is --count N \(the book's: 50000000\)/,
      );
      expect((error as Error).message).not.toContain('\n');
    }
  });
});
