import { interceptPrinted, packageDirOf, runUntil } from '@mc/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BlockingScheduler } from '../src/apscheduler/index.js';
import { scheduledJob, timedJob } from '../src/example4.js';

const packageDir = packageDirOf(import.meta.url);

const EVERY_THREE = 'This job is run every three minutes.';
const WEEKDAY = 'This job is run every weekday at 5pm.';

describe('example4.py', () => {
  let stopCapture = (): void => {};
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    stopCapture();
    stopCapture = () => {};
  });

  it('runs the interval job every three (scaled) minutes until stopped, then exits cleanly', async () => {
    // At 0.001, three minutes last 0.18 s.
    const run = await runUntil(packageDir, 'example4', (lines) => lines.length >= 3, {
      timeScale: 0.001,
      signal: 'SIGTERM',
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.lines.slice(0, 3)).toEqual([EVERY_THREE, EVERY_THREE, EVERY_THREE]);
  });

  it('runs the cron job at 17:00 on weekdays only, and the interval job 3 times in 9 minutes', async () => {
    vi.useFakeTimers();
    // Friday 5 January 2024, 16:59:00 local time.
    vi.setSystemTime(new Date(2024, 0, 5, 16, 59, 0));
    const printed: string[] = [];
    stopCapture = interceptPrinted((line) => printed.push(line));
    const scheduler = new BlockingScheduler();
    scheduler.scheduledJob('interval', { minutes: 3 })(timedJob);
    scheduler.scheduledJob('cron', { dayOfWeek: 'mon-fri', hour: 17 })(scheduledJob);
    const running = scheduler.start();

    await vi.advanceTimersByTimeAsync(9 * 60_000);
    expect(printed.filter((line) => line === EVERY_THREE)).toHaveLength(3);
    expect(printed.filter((line) => line === WEEKDAY)).toHaveLength(1);

    // Through Saturday and Sunday to Monday 16:59: no weekday line; the interval job keeps going.
    const cronJob = scheduler.getJobs()[1];
    expect(cronJob?.nextRunTime).toBe(new Date(2024, 0, 8, 17, 0, 0).getTime());
    await scheduler.shutdown();
    await running;
  });
});
