import { UsageError } from '@mc/core';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OPERATIONS,
  DEFAULT_WORKERS,
  MAX_OPERATIONS,
  parseWorkload,
} from '../src/workload-options.js';

const forms = ['plain', 'atomic'] as const;
const parse = (...argv: string[]) => parseWorkload(argv, 'increment', [...forms]);

describe('workload-options (parseWorkload)', () => {
  it('runs the default workload on the first form when given nothing', () => {
    expect(parse()).toEqual({
      operations: DEFAULT_OPERATIONS,
      workers: DEFAULT_WORKERS,
      form: 'plain',
    });
  });

  it('reads the operations, the workers and the form', () => {
    expect(parse('--operations', '1000', '--workers', '8', '--increment', 'atomic')).toEqual({
      operations: 1000,
      workers: 8,
      form: 'atomic',
    });
    expect(parse('--operations', String(MAX_OPERATIONS)).operations).toBe(MAX_OPERATIONS);
  });

  it('refuses what cannot run, in one line naming the valid options', () => {
    for (const argv of [
      ['--operations', String(MAX_OPERATIONS + 1)],
      ['--operations', '1000000000000'],
      ['--operations', '0'],
      ['--workers', '65'],
      ['--workers', '1.5'],
      ['--increment', 'locked'],
      ['--bogus'],
    ]) {
      let error: unknown;
      try {
        parse(...argv);
      } catch (thrown) {
        error = thrown;
      }
      expect(error, argv.join(' ')).toBeInstanceOf(UsageError);
      const message = (error as Error).message;
      expect(message).not.toContain('\n');
      expect(message).toContain('--operations N');
      expect(message).toContain('--increment plain|atomic');
    }
  });
});
