import { scaledMilliseconds } from '@mc/core';
import { Cron } from 'croner';
import { timedelta } from '../datetime.js';

/** When a job runs: APScheduler's trigger. Times are milliseconds since the epoch. */
export interface Trigger {
  /** The first run time (`previous` null: the job was just scheduled, at `now`), or the one after `previous`; null: no more. */
  next(previous: number | null, now: number): number | null;
  /** As APScheduler prints it in its log lines: `interval[0:00:03]`. */
  toString(): string;
}

/** The keywords of APScheduler's `'interval'` trigger. */
export interface IntervalFields {
  readonly weeks?: number;
  readonly days?: number;
  readonly hours?: number;
  readonly minutes?: number;
  readonly seconds?: number;
}

/**
 * Twin of APScheduler's `IntervalTrigger`: the first run one interval after the job is scheduled,
 * then one every interval. The interval is a book duration: `BOOK_TIME_SCALE` shortens it.
 */
export class IntervalTrigger implements Trigger {
  /** The interval in the book's seconds. */
  readonly seconds: number;

  constructor({ weeks = 0, days = 0, hours = 0, minutes = 0, seconds = 0 }: IntervalFields) {
    this.seconds = (((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60 + seconds;
    if (!(this.seconds > 0)) throw new RangeError('The time interval must be positive');
  }

  next(previous: number | null, now: number): number {
    return (previous ?? now) + scaledMilliseconds(this.seconds);
  }

  toString(): string {
    return `interval[${timedelta(this.seconds)}]`;
  }
}

/** The keywords of APScheduler's `'cron'` trigger that croner's pattern has (no `year`, no `week`). */
export interface CronFields {
  readonly month?: number | string;
  readonly day?: number | string;
  readonly dayOfWeek?: number | string;
  readonly hour?: number | string;
  readonly minute?: number | string;
  readonly second?: number | string;
}

// From the most significant field to the least, with croner's position and APScheduler's name.
const CRON_FIELDS = [
  ['month', 4, 'month', '1'],
  ['day', 3, 'day', '1'],
  ['dayOfWeek', 5, 'day_of_week', '*'],
  ['hour', 2, 'hour', '0'],
  ['minute', 1, 'minute', '0'],
  ['second', 0, 'second', '0'],
] as const;

/**
 * Twin of APScheduler's `CronTrigger`, on croner (`new Cron(pattern).nextRun(after)`). As in
 * APScheduler, the fields less significant than the least significant one given take their
 * minimum, the more significant ones `*`: `{ dayOfWeek: 'mon-fri', hour: 17 }` is 17:00:00 on
 * weekdays, croner's `0 0 17 * * mon-fri`, in local time. Cron times are the wall clock's: the
 * time scale does not touch them.
 */
export class CronTrigger implements Trigger {
  readonly pattern: string;
  readonly #cron: Cron;
  readonly #given: string;

  constructor(fields: CronFields) {
    const last = CRON_FIELDS.findLastIndex(([name]) => fields[name] !== undefined);
    const pattern = ['*', '*', '*', '*', '*', '*'];
    const given: string[] = [];
    CRON_FIELDS.forEach(([name, position, pythonName, minimum], index) => {
      const value = fields[name];
      if (value !== undefined) given.push(`${pythonName}='${value}'`);
      pattern[position] = String(value ?? (index > last ? minimum : '*'));
    });
    // APScheduler prints the fields in its own order: ..., day_of_week, hour, minute, second.
    this.#given = given.join(', ');
    this.pattern = pattern.join(' ');
    this.#cron = new Cron(this.pattern, { paused: true });
  }

  next(previous: number | null, now: number): number | null {
    return this.#cron.nextRun(new Date(previous ?? now))?.getTime() ?? null;
  }

  toString(): string {
    return `cron[${this.#given}]`;
  }
}
