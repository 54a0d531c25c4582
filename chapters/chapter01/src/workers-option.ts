import { numberOption, parseOptions, wholeNumber } from '@mc/core';
import { cpuCount } from '@mc/core/multiprocessing';

/**
 * Reads `--workers N` from the command line: a whole number of at least 1, or `cores` for
 * `cpuCount()`. Without the option, `fallback` (the book's pool size).
 *
 * @example parseWorkersOption(['--workers', 'cores'], 20) // 2 on a 2-core machine
 * @throws UsageError naming the valid choices.
 */
export function parseWorkersOption(argv: readonly string[], fallback: number): number {
  const { workers } = parseOptions(
    { args: [...argv], options: { workers: { type: 'string' } } },
    'the only option is --workers N|cores',
  ).values;
  if (workers === undefined) return fallback;
  if (workers === 'cores') return cpuCount();
  const rule = { ...wholeNumber(1), what: "a whole number of at least 1 or 'cores'" };
  return numberOption('workers', workers, rule);
}
