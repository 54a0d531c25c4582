// Mirrors Chapter15/example3.py: the countdown sequentially, in two threads, and in a pool of two
// processes; only the pool is faster, because each process has its own interpreter and GIL.
// Here the two "threads" are core Threads on the one event loop (no faster, as in example2), and
// the pool is core's ProcessPoolExecutor: two worker threads, each its own V8 engine instance and
// heap, computing in parallel on two cores, while the main thread stays free: the heartbeat keeps
// ticking and the process's CPU time exceeds the wall time. Python submits with apply_async and
// never collects the results; submit() does the same, and shutdown() is close() plus join().
// The count is 40 times the book's COUNT by default (see count-option.ts): `--count 50000000`.
import { isMain, print, runMain } from '@mc/core';
import { ProcessPoolExecutor, workerFunction } from '@mc/core/concurrent/futures';
import { Thread } from '@mc/core/threading';
import { parseCount } from './count-option.js';
import { timePhase } from './heartbeat.js';
import { countdown } from './workers/countdown.js';

const countdownTask = workerFunction<typeof countdown>(
  new URL('./workers/countdown.js', import.meta.url),
  'countdown',
);

/** The book's `Pool(processes=2)`: two workers, each with its own engine. */
export function makePool(): ProcessPoolExecutor {
  return new ProcessPoolExecutor({ maxWorkers: 2 });
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const count = parseCount(argv);
  print(`Counting down from ${count}.`);

  // Sequential

  await timePhase('Sequential program finished.', () => countdown(count));
  print();

  // Multithreading

  const thread1 = new Thread({ target: countdown, args: [Math.floor(count / 2)] });
  const thread2 = new Thread({ target: countdown, args: [Math.floor(count / 2)] });

  await timePhase('Multithreading program finished.', async () => {
    thread1.start();
    thread2.start();
    await thread1.join();
    await thread2.join();
  });
  print();

  // Multiprocessing

  const pool = makePool();
  // Python's Pool(processes=2) has forked both workers when it returns, before its timer starts.
  // A worker thread boots in the background (20 to 40 ms); the first task waits until both are up.
  await pool.submit(countdownTask, 0).result();
  await timePhase('Multiprocessing program finished.', async () => {
    pool.submit(countdownTask, Math.floor(count / 2));
    pool.submit(countdownTask, Math.floor(count / 2));
    await pool.shutdown();
  });
}

if (isMain(import.meta.url)) runMain(main);
