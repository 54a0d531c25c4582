// Mirrors Chapter10/example2.py: the same countdowns as three tasks on one event loop; each sleep
// is an awaited timer, so the waits overlap and the whole takes the longest countdown (about 3 s),
// the lines interleaving. The tasks start when called (Python's wait for the loop), so `start` is
// taken before they are created rather than after: less than a millisecond apart.
import { isMain, print, runMain } from '@mc/core';
import { createTask, run, sleep, wait } from '@mc/core/asyncio';
import { clock, report, SEPARATOR } from './example1.js';

/** Counts down from 3, letting the loop run the others during each `delay` seconds. */
export async function countDown(name: string, delay: number, start: number): Promise<void> {
  let n = 3;
  while (n) {
    await sleep(delay);
    report(name, n, start);
    n -= 1;
  }
}

export async function main(): Promise<void> {
  const start = clock();
  const tasks = [
    createTask(countDown('A', 1, start)),
    createTask(countDown('B', 0.8, start)),
    createTask(countDown('C', 0.5, start)),
  ];

  await run(wait(tasks));

  print(SEPARATOR);
  print('Done.');
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
