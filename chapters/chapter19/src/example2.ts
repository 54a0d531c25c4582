// Mirrors Chapter19/example2.py: a background scheduler runs its job while the main thread works.
// The job's timer and the main loop's sleeps share the one event loop, which is honest: both only
// wait. Ctrl-C (SIGINT, or SIGTERM) interrupts the main loop's sleep with KeyboardInterrupt.
import { interruptible, isMain, KeyboardInterrupt, print, runMain } from '@mc/core';
import { sleep } from '@mc/core/time';
import { BackgroundScheduler } from './apscheduler/index.js';
import { datetimeNow } from './datetime.js';

export function tick() {
  print(`Tick! The time is: ${datetimeNow()}`);
}

async function main() {
  const scheduler = new BackgroundScheduler();
  scheduler.addJob(tick, 'interval', { seconds: 3 });
  scheduler.start();

  try {
    while (true) {
      await interruptible(sleep(2));
      print('Printing in the main thread.');
    }
  } catch (error) {
    if (!(error instanceof KeyboardInterrupt)) throw error;
  }

  await scheduler.shutdown();
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
