import type { EventEmitter } from 'node:events';

/** How long the helpers wait for anything before failing: far beyond any answer, even under load. */
export const PATIENCE_SECONDS = 20;

/**
 * Resolves once `check()` holds, tested now and on every one of `events` of `emitter` (no polling,
 * no sleep); rejects at once when `over()` says it never can (the process or the connection is
 * gone), or after `seconds`. `what()` says what was awaited and what came instead.
 */
export function waitUntil(
  emitter: EventEmitter,
  events: readonly string[],
  check: () => boolean,
  over: () => boolean,
  what: () => string,
  seconds = PATIENCE_SECONDS,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (error?: Error): void => {
      clearTimeout(timer);
      for (const event of events) emitter.off(event, test);
      if (error) reject(error);
      else resolve();
    };
    const test = (): void => {
      if (check()) settle();
      else if (over()) settle(new Error(`never came: ${what()}`));
    };
    const timer = setTimeout(
      () => settle(new Error(`gave up after ${seconds} s waiting for ${what()}`)),
      seconds * 1000,
    );
    for (const event of events) emitter.on(event, test);
    test();
  });
}
