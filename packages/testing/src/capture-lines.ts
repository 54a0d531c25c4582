import { performance } from 'node:perf_hooks';

/** What `captureLines` saw: the printed lines, the function's value and its wall time. */
export interface CapturedLines<T> {
  /** Each `console.log` call, its values joined with a space, split at newlines. */
  readonly lines: string[];
  readonly value: T;
  readonly seconds: number;
}

/** How `captureLines` runs the function. */
export interface CaptureOptions {
  /** BOOK_TIME_SCALE while the function runs; without it the environment is left as it is. */
  readonly timeScale?: number | string;
}

/**
 * Runs `work` in this process with `console.log` captured instead of printed, and returns the
 * lines it printed, what it returned and how many seconds it took. Each call's values are joined
 * with a space as `console.log` does, then split at newlines, so one call that prints a block
 * gives a line each. `console.log` and BOOK_TIME_SCALE are put back even when `work` throws.
 *
 * @example const { lines, seconds } = await captureLines(() => main(), { timeScale: 0.04 })
 */
export async function captureLines<T>(
  work: () => T | Promise<T>,
  options: CaptureOptions = {},
): Promise<CapturedLines<T>> {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...values: unknown[]) => {
    lines.push(...values.map(String).join(' ').split('\n'));
  };
  const previousScale = process.env.BOOK_TIME_SCALE;
  if (options.timeScale !== undefined) process.env.BOOK_TIME_SCALE = String(options.timeScale);
  const started = performance.now();
  try {
    const value = await work();
    return { lines, value, seconds: (performance.now() - started) / 1000 };
  } finally {
    console.log = log;
    if (previousScale === undefined) delete process.env.BOOK_TIME_SCALE;
    else process.env.BOOK_TIME_SCALE = previousScale;
  }
}
