import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BackgroundScheduler, CronTrigger, IntervalTrigger } from '../src/apscheduler/index.js';

describe('the APScheduler twin', () => {
  let warnings: string[];
  beforeEach(() => {
    vi.useFakeTimers();
    warnings = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((text) => {
      warnings.push(String(text).trimEnd());
      return true;
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('runs an interval job one interval after start, then every interval', async () => {
    const runs: number[] = [];
    const start = Date.now();
    const scheduler = new BackgroundScheduler();
    scheduler.addJob(() => runs.push(Date.now() - start), 'interval', { seconds: 3 });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(9_500);
    expect(runs).toEqual([3000, 6000, 9000]);
    await scheduler.shutdown();
  });

  it('skips a run with a warning while maxInstances runs are still running', async () => {
    let release = () => {};
    const finished = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started = 0;
    const scheduler = new BackgroundScheduler();
    // A job longer than three intervals.
    const job = scheduler.addJob(
      async function task() {
        started += 1;
        await finished;
      },
      'interval',
      { seconds: 3, maxInstances: 3 },
    );
    scheduler.start();
    await vi.advanceTimersByTimeAsync(9_000);
    expect([started, job.running, warnings]).toEqual([3, 3, []]);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(started).toBe(3);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^Execution of job "task \(trigger: interval\[0:00:03\], next run at: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \S+\)" skipped: maximum number of running instances reached \(3\)$/,
    );
    release();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(started).toBe(4);
    await scheduler.shutdown();
  });

  it('skips a run that comes later than the grace time, as a blocked loop makes it', async () => {
    let runs = 0;
    const scheduler = new BackgroundScheduler();
    scheduler.addJob(
      function tick() {
        runs += 1;
      },
      'interval',
      { seconds: 3 },
    );
    scheduler.start();
    // The clock moves 5.5 s on while no timer fires, as when the loop is blocked: when the timer
    // of the 3 s run fires at 8.5 s, the runs of 3 s and 6 s are both too late, and both skipped.
    vi.setSystemTime(Date.now() + 5_500);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(runs).toBe(0);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(
      /^Run time of job "tick \(trigger: interval\[0:00:03\], .*\)" was missed by 0:00:05\.500000$/,
    );
    expect(warnings[1]).toMatch(/was missed by 0:00:02\.500000$/);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(runs).toBe(1);
    await scheduler.shutdown();
  });

  it('waits for running jobs at shutdown', async () => {
    let ended = false;
    const scheduler = new BackgroundScheduler();
    scheduler.addJob(
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 4_000));
        ended = true;
      },
      'interval',
      { seconds: 3 },
    );
    scheduler.start();
    await vi.advanceTimersByTimeAsync(3_000);
    const shutdown = scheduler.shutdown();
    await vi.advanceTimersByTimeAsync(4_000);
    await shutdown;
    expect(ended).toBe(true);
  });
});

describe('the triggers', () => {
  it("gives the cron trigger APScheduler's defaults: hour=17 is 17:00:00", () => {
    const trigger = new CronTrigger({ dayOfWeek: 'mon-fri', hour: 17 });
    expect(trigger.pattern).toBe('0 0 17 * * mon-fri');
    expect(String(trigger)).toBe("cron[day_of_week='mon-fri', hour='17']");
    // From Friday 16:00: Friday, then Monday and Tuesday at 17:00 (local time).
    const runs = [new Date(2024, 0, 5, 16).getTime()];
    for (let n = 0; n < 3; n++) runs.push(trigger.next(runs.at(-1) ?? 0, 0) ?? 0);
    expect(runs.slice(1)).toEqual(
      [5, 8, 9].map((day) => new Date(2024, 0, day, 17, 0, 0).getTime()),
    );
  });

  it('scales an interval by BOOK_TIME_SCALE and names it as APScheduler does', () => {
    vi.stubEnv('BOOK_TIME_SCALE', '0.01');
    const trigger = new IntervalTrigger({ minutes: 3 });
    expect(trigger.next(null, 1_000)).toBe(1_000 + 1_800);
    expect(String(trigger)).toBe('interval[0:03:00]');
    vi.unstubAllEnvs();
  });
});
