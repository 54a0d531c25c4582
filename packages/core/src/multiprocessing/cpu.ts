import { availableParallelism } from 'node:os';

/** The variable Python 3.13 reads to override `cpu_count()`; honoured here the same way. */
export const CPU_COUNT_VARIABLE = 'PYTHON_CPU_COUNT';

/**
 * How many threads can truly run at once on this machine. Twin of `multiprocessing.cpu_count()`.
 * Like Python 3.13's, it answers `PYTHON_CPU_COUNT` instead when that is set to a positive whole
 * number (or to `default`: the machine's count), so a run can try four consumers on two cores.
 *
 * @example for (let workers = 1; workers <= cpuCount(); workers++) solve(workers)
 * @throws RangeError when PYTHON_CPU_COUNT is set to anything else.
 */
export function cpuCount(): number {
  const override = process.env[CPU_COUNT_VARIABLE]?.trim();
  if (override === undefined || override === '' || override === 'default') {
    return availableParallelism();
  }
  const count = Number(override);
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(
      `${CPU_COUNT_VARIABLE} must be a positive whole number or "default", got "${override}"`,
    );
  }
  return count;
}
