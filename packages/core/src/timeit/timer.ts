import { performance } from 'node:perf_hooks';

/**
 * A monotonic clock in seconds, for measuring durations. Twin of `timeit.default_timer`.
 *
 * @example const start = timer(); work(); console.log(`Took: ${(timer() - start).toFixed(2)} seconds.`)
 */
export function timer(): number {
  return performance.now() / 1000;
}
