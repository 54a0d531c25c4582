// Mirrors Chapter19/example3.py: jobs run in a pool of processes, and up to 3 runs of one job overlap.
// The pool is core's multiprocessing.Pool: real OS processes, so each run prints its own pid. A
// Node worker thread would print the main program's pid, hiding the lesson.
import { interruptible, isMain, KeyboardInterrupt, print, runMain } from '@mc/core';
import { sleep } from '@mc/core/time';
import { BackgroundScheduler } from './apscheduler/index.js';
import { datetimeNow } from './datetime.js';

// Exported: a pool process finds the job's function by its name in this module.
export async function task() {
  print(`From process ${process.pid}: The time is ${datetimeNow()}`);
  print(`Starting job inside ${process.pid}`);
  await sleep(4);
  print(`Ending job inside ${process.pid}`);
}

async function main() {
  const scheduler = new BackgroundScheduler();
  scheduler.addExecutor('processpool');
  scheduler.addJob(task, 'interval', { seconds: 3, maxInstances: 3 });
  scheduler.start();

  try {
    while (true) {
      await interruptible(sleep(1));
    }
  } catch (error) {
    if (!(error instanceof KeyboardInterrupt)) throw error;
  }

  await scheduler.shutdown();
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
