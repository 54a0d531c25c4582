import { interruptible, KeyboardInterrupt } from '@mc/core';
import { timedelta } from '../datetime.js';
import { EventLoopExecutor, type JobExecutor, ProcessPoolJobExecutor } from './executors.js';
import {
  type CronFields,
  CronTrigger,
  type IntervalFields,
  IntervalTrigger,
  type Trigger,
} from './triggers.js';

/** The options APScheduler's `add_job` takes beside the trigger's own. */
export interface JobOptions {
  /** How many runs of this job may run at once (`max_instances`, default 1); a run beyond is skipped. */
  readonly maxInstances?: number;
  /**
   * How late a run may start, in real seconds (`misfire_grace_time`, default 1); a later run is
   * skipped. Not scaled: lateness comes from a busy machine or a blocked event loop, not from the book.
   */
  readonly misfireGraceTime?: number;
  /** The executor's alias (default `'default'`). */
  readonly executor?: string;
}

type TriggerFields = { interval: IntervalFields; cron: CronFields };

/** The longest wait a Node timer takes (about 24.8 days); a later run time waits in steps. */
const LONGEST_TIMEOUT = 2 ** 31 - 1;

/** A job as APScheduler keeps it: what runs, when, and how many of its runs are running. */
export class Job {
  running = 0;
  nextRunTime: number | null = null;
  timer: NodeJS.Timeout | undefined;

  constructor(
    readonly fn: () => unknown,
    readonly trigger: Trigger,
    readonly maxInstances: number,
    readonly misfireGraceTime: number,
    readonly executor: string,
  ) {}

  /** As APScheduler's log lines name it: `tick (trigger: interval[0:00:03], next run at: 2024-05-01 10:00:06 UTC)`. */
  toString(): string {
    const next = this.nextRunTime === null ? 'None' : formatRunTime(new Date(this.nextRunTime));
    return `${this.fn.name} (trigger: ${this.trigger}, next run at: ${next})`;
  }
}

function formatRunTime(date: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')} ${part('timeZoneName')}`;
}

/** APScheduler logs through `logging`; unconfigured, Python prints a warning's message on stderr. */
function warn(message: string): void {
  process.stderr.write(`${message}\n`);
}

/**
 * Twin of APScheduler's `BaseScheduler`: jobs with triggers, run by executors. Each job waits on
 * its own timer for its next run time; when it comes, every run time due is run, or skipped with
 * APScheduler's warning when it is later than the grace time (`Run time of job ... was missed by
 * ...`) or when `maxInstances` runs are still running (`Execution of job ... skipped: maximum
 * number of running instances reached (N)`).
 */
export abstract class BaseScheduler {
  readonly #jobs: Job[] = [];
  readonly #executors = new Map<string, JobExecutor>([['default', new EventLoopExecutor()]]);
  readonly #runs = new Set<Promise<void>>();
  #running = false;

  /** Twin of `add_executor('processpool')`, the one executor the book adds: a pool of `maxWorkers` processes, the new default. */
  addExecutor(
    executor: 'processpool',
    { alias = 'default', maxWorkers = 10 }: { alias?: string; maxWorkers?: number } = {},
  ): void {
    if (executor !== 'processpool') throw new TypeError(`unknown executor ${String(executor)}`);
    this.#executors.set(alias, new ProcessPoolJobExecutor(maxWorkers));
  }

  /**
   * Twin of `add_job(func, trigger, **kwargs)`: `addJob(tick, 'interval', { seconds: 3 })`,
   * `addJob(report, 'cron', { dayOfWeek: 'mon-fri', hour: 17 })`.
   */
  addJob<K extends keyof TriggerFields>(
    fn: () => unknown,
    trigger: K,
    options: TriggerFields[K] & JobOptions = {},
  ): Job {
    const { maxInstances = 1, misfireGraceTime = 1, executor = 'default', ...fields } = options;
    const made =
      trigger === 'interval'
        ? new IntervalTrigger(fields as IntervalFields)
        : new CronTrigger(fields as CronFields);
    const job = new Job(fn, made, maxInstances, misfireGraceTime, executor);
    this.#jobs.push(job);
    if (this.#running) this.#schedule(job, Date.now());
    return job;
  }

  /** Twin of the `@scheduled_job(trigger, **kwargs)` decorator: adds the function it is applied to. */
  scheduledJob<K extends keyof TriggerFields>(
    trigger: K,
    options: TriggerFields[K] & JobOptions = {},
  ): <F extends () => unknown>(fn: F) => F {
    return (fn) => {
      this.addJob(fn, trigger, options);
      return fn;
    };
  }

  /** Twin of `get_jobs()`: the jobs, in the order they were added. */
  getJobs(): readonly Job[] {
    return [...this.#jobs];
  }

  /** Starts every job's timer. */
  start(): void | Promise<void> {
    if (this.#running) throw new Error('Scheduler is already running');
    this.#running = true;
    const now = Date.now();
    for (const job of this.#jobs) this.#schedule(job, now);
  }

  /**
   * Twin of `shutdown(wait=True)`: no more runs start; with `wait`, the running ones are waited
   * for; then the executors are shut down (a process pool's workers exit).
   */
  async shutdown({ wait = true }: { wait?: boolean } = {}): Promise<void> {
    if (!this.#running) throw new Error('Scheduler is not running');
    this.#running = false;
    this.stopWakeups();
    if (wait) await Promise.allSettled([...this.#runs]);
    await Promise.all([...this.#executors.values()].map((executor) => executor.shutdown()));
  }

  /** Clears every job's timer: nothing more is run until the next `start`. */
  protected stopWakeups(): void {
    for (const job of this.#jobs) clearTimeout(job.timer);
  }

  #schedule(job: Job, now: number): void {
    job.nextRunTime = job.trigger.next(null, now);
    this.#wait(job);
  }

  #wait(job: Job): void {
    if (job.nextRunTime === null) return;
    const delay = Math.min(Math.max(job.nextRunTime - Date.now(), 0), LONGEST_TIMEOUT);
    job.timer = setTimeout(() => this.#due(job), delay);
  }

  #due(job: Job): void {
    const now = Date.now();
    while (job.nextRunTime !== null && job.nextRunTime <= now) {
      const runTime = job.nextRunTime;
      job.nextRunTime = job.trigger.next(runTime, now);
      const late = (now - runTime) / 1000;
      if (late > job.misfireGraceTime) {
        warn(`Run time of job "${job}" was missed by ${timedelta(late)}`);
      } else {
        this.#submit(job);
      }
    }
    this.#wait(job);
  }

  #submit(job: Job): void {
    if (job.running >= job.maxInstances) {
      warn(
        `Execution of job "${job}" skipped: maximum number of running instances reached (${job.maxInstances})`,
      );
      return;
    }
    const executor = this.#executors.get(job.executor);
    if (!executor) throw new Error(`No executor by the name "${job.executor}" was found`);
    job.running += 1;
    const run = executor.submit(job.fn).then(
      () => undefined,
      (error: unknown) => {
        // A pool worker stopped by Ctrl-C (sent to the whole process group) or a kill ends its
        // run with KeyboardInterrupt: a stop the user asked for, not the job's error.
        if (error instanceof KeyboardInterrupt) return;
        // APScheduler logs the traceback too; one line says it here.
        warn(`Job "${job}" raised an exception: ${String(error)}`);
      },
    );
    this.#runs.add(run);
    void run.finally(() => {
      job.running -= 1;
      this.#runs.delete(run);
    });
  }
}

/**
 * Twin of APScheduler's `BackgroundScheduler`: `start()` returns at once, and the jobs run while
 * the main program goes on. Python runs them from a thread of the scheduler's own; here they are
 * timers on the one event loop, which is as good, since both sides spend their time waiting.
 */
export class BackgroundScheduler extends BaseScheduler {
  override start(): void {
    super.start();
  }
}

/**
 * Twin of APScheduler's `BlockingScheduler`: `await start()` is the program's main loop. It ends
 * when the scheduler is shut down (by a job, say), or throws `KeyboardInterrupt` at Ctrl-C
 * (SIGINT) or SIGTERM; then no more runs start, and the caller still calls `shutdown()`, as the
 * book does after catching it.
 */
export class BlockingScheduler extends BaseScheduler {
  #stopped: (() => void) | undefined;

  override async start(): Promise<void> {
    super.start();
    const stopped = new Promise<void>((resolve) => {
      this.#stopped = resolve;
    });
    try {
      await interruptible(stopped);
    } catch (error) {
      // The main loop is gone: as in Python, no run starts any more.
      this.stopWakeups();
      throw error;
    }
  }

  override async shutdown(options: { wait?: boolean } = {}): Promise<void> {
    this.#stopped?.();
    await super.shutdown(options);
  }
}
