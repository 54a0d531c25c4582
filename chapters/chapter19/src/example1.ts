// Mirrors Chapter19/example1.py: a blocking scheduler takes over the main thread with its jobs.
// APScheduler's BlockingScheduler is `await scheduler.start()`, a promise that settles only when
// the scheduler stops; Ctrl-C (SIGINT, or SIGTERM) makes it throw KeyboardInterrupt, as in Python.
import { isMain, KeyboardInterrupt, print, runMain } from '@mc/core';
import { BlockingScheduler } from './apscheduler/index.js';
import { datetimeNow } from './datetime.js';

export function tick() {
  print(`Tick! The time is: ${datetimeNow()}`);
}

async function main() {
  const scheduler = new BlockingScheduler();
  scheduler.addJob(tick, 'interval', { seconds: 3 });

  try {
    await scheduler.start();
    print('Printing in the main thread.');
  } catch (error) {
    if (!(error instanceof KeyboardInterrupt)) throw error;
  }

  await scheduler.shutdown();
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
