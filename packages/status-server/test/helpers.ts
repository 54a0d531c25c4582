import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';

/** Milliseconds `work` took, measured with the monotonic clock. */
export async function elapsedMs(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/**
 * Polls `condition` until it holds; fails after `boundMs`. A bounded wait on an observable state,
 * not a guess at how long something takes.
 */
export async function waitUntil(
  condition: () => boolean,
  what: string,
  boundMs = 5_000,
): Promise<void> {
  const deadline = performance.now() + boundMs;
  while (!condition()) {
    if (performance.now() > deadline)
      throw new Error(`gave up after ${boundMs} ms waiting until ${what}`);
    await delay(2);
  }
}
