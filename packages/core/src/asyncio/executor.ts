import type { Future } from '../concurrent/futures/future.js';
import type {
  ProcessPoolExecutor,
  WorkerFunction,
} from '../concurrent/futures/process-pool-executor.js';
import type { ThreadPoolExecutor } from '../concurrent/futures/thread-pool-executor.js';

/**
 * Runs `fn(...args)` in `executor` and resolves to its result; twin of
 * `loop.run_in_executor(executor, fn, *args)`. Which executor, in Node:
 *
 * - A **blocking** function (`time.sleep`, a blocking client) or a **CPU-bound** one: a
 *   `ProcessPoolExecutor` (worker threads) and a `workerFunction`. It runs on another thread, so the
 *   loop goes on meanwhile. The book's `ThreadPoolExecutor` and `ProcessPoolExecutor` both map here:
 *   Node runs code off the loop only on worker threads, which have no GIL, so they run in parallel
 *   as Python's processes do.
 * - core's `ThreadPoolExecutor` runs its functions as tasks on this very loop: fine for async
 *   functions, but a blocking function there blocks the loop as if called directly.
 *
 * @example await runInExecutor(executor, countDownTask, 'A', 1)
 */
export function runInExecutor<A extends unknown[], R>(
  executor: ProcessPoolExecutor,
  fn: WorkerFunction<A, R>,
  ...args: A
): Promise<R>;
export function runInExecutor<A extends unknown[], R>(
  executor: ThreadPoolExecutor,
  fn: (...args: A) => R | Promise<R>,
  ...args: A
): Promise<R>;
export function runInExecutor(
  executor: { submit(fn: unknown, ...args: unknown[]): Future<unknown> },
  fn: unknown,
  ...args: unknown[]
): Promise<unknown> {
  return executor.submit(fn, ...args).result();
}
