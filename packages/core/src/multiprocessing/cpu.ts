import { availableParallelism } from 'node:os';

/**
 * How many threads can truly run at once on this machine. Twin of `multiprocessing.cpu_count()`.
 *
 * @example for (let workers = 1; workers <= cpuCount(); workers++) solve(workers)
 */
export function cpuCount(): number {
  return availableParallelism();
}
