// Mirrors Chapter19/example4.py: a "clock process" whose only work is to start jobs on schedules.
// The cron schedule is croner's pattern `0 0 17 * * mon-fri`, in local time and never scaled; the
// interval follows BOOK_TIME_SCALE. The book's module-level code runs here under the main guard.
import { isMain, KeyboardInterrupt, print, runMain } from '@mc/core';
import { BlockingScheduler } from './apscheduler/index.js';

export function timedJob() {
  print('This job is run every three minutes.');
}

export function scheduledJob() {
  print('This job is run every weekday at 5pm.');
}

async function main() {
  const scheduler = new BlockingScheduler();

  scheduler.scheduledJob('interval', { minutes: 3 })(timedJob);
  scheduler.scheduledJob('cron', { dayOfWeek: 'mon-fri', hour: 17 })(scheduledJob);

  try {
    await scheduler.start();
  } catch (error) {
    // The book's clock process dies of KeyboardInterrupt with a traceback; this one stops cleanly.
    if (!(error instanceof KeyboardInterrupt)) throw error;
    await scheduler.shutdown();
  }
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
