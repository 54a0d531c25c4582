import { parseArgs } from 'node:util';
import { UsageError } from '@mc/core';
import { cpuCount } from '@mc/core/multiprocessing';

/**
 * Reads `--workers N` from the command line: a whole number of at least 1, or `cores` for
 * `cpuCount()`. Without the option, `fallback` (the book's pool size).
 *
 * @example parseWorkersOption(['--workers', 'cores'], 20) // 2 on a 2-core machine
 * @throws UsageError naming the valid choices.
 */
export function parseWorkersOption(argv: readonly string[], fallback: number): number {
  let value: string | undefined;
  try {
    ({ workers: value } = parseArgs({
      args: [...argv],
      options: { workers: { type: 'string' } },
    }).values);
  } catch (error) {
    throw new UsageError(`${(error as Error).message}; the only option is --workers N|cores`);
  }
  if (value === undefined) return fallback;
  if (value === 'cores') return cpuCount();
  const workers = Number(value);
  if (!/^\d+$/.test(value) || workers < 1) {
    throw new UsageError(
      `--workers must be a whole number of at least 1 or 'cores', got '${value}'`,
    );
  }
  return workers;
}
