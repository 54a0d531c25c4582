// Mirrors Chapter10/example5.py: example1's blocking countdowns handed to a pool of three threads
// with `run_in_executor`: each blocks its own thread, the loop's stays free, and the countdowns
// interleave as in example2 (about 3 s). Node runs code off the loop only on worker threads, so the
// book's ThreadPoolExecutor is core's worker-thread pool (`ProcessPoolExecutor`, which Python's
// processes and threads both map to here); the clock starts once the three workers are up.
// The workers write their lines themselves, as the book's threads print; `start` is passed to them
// on the clock every thread shares.
import { isMain, print, runMain } from '@mc/core';
import { gather, run, runInExecutor } from '@mc/core/asyncio';
import { ProcessPoolExecutor, workerFunction } from '@mc/core/concurrent/futures';
import { clock, SEPARATOR } from './example1.js';
import type { countDown } from './workers/count_down.js';

const countDownTask = workerFunction<typeof countDown>(
  new URL('./workers/count_down.js', import.meta.url),
  'countDown',
);

export async function main(executor: ProcessPoolExecutor, start: number): Promise<void> {
  const jobs: [string, number][] = [
    ['A', 1],
    ['B', 0.8],
    ['C', 0.5],
  ];
  const futures = jobs.map(([name, delay]) =>
    runInExecutor(executor, countDownTask, name, delay, start),
  );

  await gather(...futures);

  print(SEPARATOR);
  print('Done.');
}

async function program(): Promise<void> {
  // The book never shuts its executor down (its threads end with the program); here `await using`
  // stops the workers so the program can end.
  await using executor = new ProcessPoolExecutor({ maxWorkers: 3 });
  // The book starts its clock first, as its threads start in well under a millisecond; the
  // workers boot for 0.1 s or more, so the clock starts once they are up, to count what it counts.
  executor.waitForWorkers(countDownTask);
  const start = clock();
  await run(main(executor, start));
}

if (isMain(import.meta.url)) runMain(program, { options: {} });
