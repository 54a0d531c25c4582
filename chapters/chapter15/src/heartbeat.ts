import { observeTasks, print, signSpace } from '@mc/core';
import { timer } from '@mc/core/timeit';

/** How often the heartbeat means to tick, in milliseconds. */
export const HEARTBEAT_MS = 10;

/** What a heartbeat saw while some work ran. */
export interface Pulse {
  /** Ticks of the heartbeat that ran: none while the event loop's one thread was kept busy. */
  readonly ticks: number;
  /** Wall-clock seconds from start to stop. */
  readonly wallSeconds: number;
  /** CPU seconds of the whole process over that time, every thread included (worker threads too). */
  readonly cpuSeconds: number;
}

/**
 * Starts a `setInterval` that counts its ticks, the proof of what the event loop could do while
 * the work ran: a timer's callback runs only when the loop's one thread is free. `stop()` ends it
 * and reports the ticks, the wall time and the process's CPU time: CPU above wall means threads
 * computed at the same time.
 */
export function startHeartbeat(): { stop(): Pulse } {
  let ticks = 0;
  const beat = setInterval(() => {
    ticks += 1;
  }, HEARTBEAT_MS);
  const startWall = timer();
  const startCpu = process.cpuUsage();
  return {
    stop() {
      clearInterval(beat);
      const cpu = process.cpuUsage(startCpu);
      return {
        ticks,
        wallSeconds: timer() - startWall,
        cpuSeconds: (cpu.user + cpu.system) / 1e6,
      };
    },
  };
}

/** The line printed after a timing: `Heartbeat: 0 ticks of 10 ms; CPU time 1.12 s, wall 1.13 s.` */
export function describePulse({ ticks, wallSeconds, cpuSeconds }: Pulse): string {
  return `Heartbeat: ${ticks} ticks of ${HEARTBEAT_MS} ms; CPU time ${cpuSeconds.toFixed(2)} s, wall ${wallSeconds.toFixed(2)} s.`;
}

/** What a pool did during a phase: how many of its tasks ran at the same time, on how many threads. */
export interface PoolOverlap {
  /** The most tasks started and not yet ended at one moment (core's task events, in order). */
  readonly mostAtOnce: number;
  /** The worker threads its tasks ran on. */
  readonly threads: number;
}

/**
 * Follows core's pool task events until `stop()`: a pool of two that runs its two tasks side by
 * side shows 2 at once on 2 threads; a pool of one, or tasks run one after the other, shows 1.
 * Null from `stop()` when no pool task ran.
 */
export function watchPool(): { stop(): PoolOverlap | null } {
  let running = 0;
  let mostAtOnce = 0;
  const threads = new Set<number>();
  const subscription = observeTasks((event) => {
    if (event.executor !== 'ProcessPoolExecutor') return;
    threads.add(event.threadId);
    running += event.phase === 'start' ? 1 : -1;
    mostAtOnce = Math.max(mostAtOnce, running);
  });
  return {
    stop() {
      subscription[Symbol.dispose]();
      return threads.size === 0 ? null : { mostAtOnce, threads: threads.size };
    },
  };
}

/** The line printed after a pool's phase: `Pool: at most 2 tasks running at once, on 2 worker threads.` */
export function describePool({ mostAtOnce, threads }: PoolOverlap): string {
  const tasks = mostAtOnce === 1 ? 'task' : 'tasks';
  return `Pool: at most ${mostAtOnce} ${tasks} running at once, on ${threads} worker thread${threads === 1 ? '' : 's'}.`;
}

/** The book's `f'{t : .2f}'`: a space where a minus sign would go, two decimals. */

/**
 * One timed phase of examples 2 and 3: starts the heartbeat and the timer, runs `work`, then prints
 * the book's two lines (`finished`, `Took  1.13 seconds.`) and the heartbeat's line, and when a
 * pool ran tasks, how many ran at once (`describePool`).
 */
export async function timePhase(finished: string, work: () => unknown): Promise<void> {
  const pool = watchPool();
  const heartbeat = startHeartbeat();
  const start = timer();
  await work();

  print(finished);
  print(`Took ${signSpace(timer() - start)} seconds.`);
  print(describePulse(heartbeat.stop()));
  const overlap = pool.stop();
  if (overlap) print(describePool(overlap));
}
