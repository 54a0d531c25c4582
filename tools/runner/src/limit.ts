import type { ExampleDeclaration } from './declare.js';

/** The shortest limit a scaled `blocks` example gets, in seconds. */
export const BLOCKS_FLOOR_SECONDS = 2;

/**
 * The wall-clock limit for one run, in seconds. `--timeout` wins when given, as is. Otherwise the
 * declared `timeoutSeconds` (which is at the book's timings); for a `blocks` example at a time
 * scale below 1 it is multiplied by the scale, but never below 2 s, so a fast test run does not wait
 * out the book-sized bound (unless it declares `scaledLimit: false`: its time is not the book's). Limits of `exits` and `fails` examples are never scaled down: a scaled
 * example finishes sooner, and a generous limit costs nothing when it does.
 */
export function effectiveLimit(
  example: ExampleDeclaration,
  timeScale: number,
  timeoutOverride?: number,
): number {
  if (timeoutOverride !== undefined) return timeoutOverride;
  if (example.outcome.kind === 'blocks' && example.scaledLimit !== false && timeScale < 1) {
    return Math.max(BLOCKS_FLOOR_SECONDS, example.timeoutSeconds * timeScale);
  }
  return example.timeoutSeconds;
}
