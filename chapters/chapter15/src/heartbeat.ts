import { print, signSpace } from '@mc/core';
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

/**
 * One timed phase of examples 2 and 3: starts the heartbeat and the timer, runs `work`, then prints
 * the book's two lines (`finished`, `Took  1.13 seconds.`) and the heartbeat's line.
 */
export async function timePhase(finished: string, work: () => unknown): Promise<void> {
  const heartbeat = startHeartbeat();
  const start = timer();
  await work();

  print(finished);
  print(`Took ${signSpace(timer() - start)} seconds.`);
  print(describePulse(heartbeat.stop()));
}
