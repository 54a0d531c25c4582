import { performance } from 'node:perf_hooks';

/** What `captureLines` saw: the printed lines, the function's value and its wall time. */
export interface CapturedLines<T> {
  /** Each printed line: core's `print` and `console.log` calls, split at newlines. */
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
 * Until the returned function is called, hands each line this process prints to `onLine` instead
 * of printing it: core's `print` (which writes to `process.stdout`), any other
 * `process.stdout.write`, and `console.log` (its values joined with a space, as it does; under
 * vitest `console.log` does not go through `process.stdout`). Text is split at newlines; a last
 * piece without one is handed over when the capture ends.
 *
 * @example const stop = interceptPrinted((line) => lines.push(line)); try { main() } finally { stop() }
 */
export function interceptPrinted(onLine: (line: string) => void): () => void {
  const log = console.log;
  const write = Object.getOwnPropertyDescriptor(process.stdout, 'write');
  let pending = '';
  const take = (text: string): void => {
    const pieces = (pending + text).split('\n');
    pending = pieces.pop() ?? '';
    for (const piece of pieces) onLine(piece);
  };
  console.log = (...values: unknown[]) => take(`${values.map(String).join(' ')}\n`);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    take(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
    const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
    if (callback) process.nextTick(callback);
    return true;
  }) as typeof process.stdout.write;
  return () => {
    console.log = log;
    if (write) Object.defineProperty(process.stdout, 'write', write);
    else delete (process.stdout as { write?: unknown }).write;
    if (pending !== '') onLine(pending);
    pending = '';
  };
}

/**
 * Runs `work` in this process with what it prints captured instead of printed (see
 * `interceptPrinted`), and returns the lines it printed, what it returned and how many seconds it
 * took. One call that prints a block gives a line each. Printing and BOOK_TIME_SCALE are put back
 * even when `work` throws.
 *
 * @example const { lines, seconds } = await captureLines(() => main(), { timeScale: 0.04 })
 */
export async function captureLines<T>(
  work: () => T | Promise<T>,
  options: CaptureOptions = {},
): Promise<CapturedLines<T>> {
  const lines: string[] = [];
  const stop = interceptPrinted((line) => lines.push(line));
  const previousScale = process.env.BOOK_TIME_SCALE;
  if (options.timeScale !== undefined) process.env.BOOK_TIME_SCALE = String(options.timeScale);
  const started = performance.now();
  try {
    const value = await work();
    return { lines, value, seconds: (performance.now() - started) / 1000 };
  } finally {
    stop();
    if (previousScale === undefined) delete process.env.BOOK_TIME_SCALE;
    else process.env.BOOK_TIME_SCALE = previousScale;
  }
}
