import { threadId } from 'node:worker_threads';
import { observeTasks, type TaskEvent } from '@mc/core';
import { workerFunction } from '@mc/core/concurrent/futures';
import {
  captureLines,
  exampleRunner,
  OVERLAP_PROBE_MODULE,
  oneCpuReason,
  type ProbeReport,
  type ProbeTask,
  probeOverlap,
  tookSeconds,
} from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { main, makePool } from '../src/example3.js';
import { pulses } from './heartbeat-lines.js';

/** The most tasks started and not yet ended at one moment, from core's task events in order. */
function mostAtOnce(events: readonly TaskEvent[]): number {
  let running = 0;
  let most = 0;
  for (const event of events) {
    running += event.phase === 'start' ? 1 : -1;
    most = Math.max(most, running);
  }
  return most;
}

const runExample = exampleRunner(import.meta.url, { limitSeconds: 60 });

describe('example3.py', () => {
  it("prints the book's three sections, with their blank lines", async () => {
    const run = await runExample('example3', { args: ['--count', '100000000'] });
    expect(run.code).toBe(0);
    const shape = run.lines.map((line) =>
      tookSeconds([line]).length === 1
        ? 'Took'
        : line.startsWith('Heartbeat: ')
          ? 'Heartbeat'
          : line,
    );
    expect(shape).toEqual([
      'Counting down from 100000000.',
      'Sequential program finished.',
      'Took',
      'Heartbeat',
      '',
      'Multithreading program finished.',
      'Took',
      'Heartbeat',
      '',
      'Multiprocessing program finished.',
      'Took',
      'Heartbeat',
    ]);
  });

  it('counts down in two pool workers at once while the main thread stays free', async () => {
    const tasks: TaskEvent[] = [];
    const { lines } = await captureLines(async () => {
      using _ = observeTasks((event) => tasks.push(event));
      return await main(['--count', '800000000']);
    });
    const countdowns = tasks.filter(
      (task) => task.phase === 'start' && task.args[0] === 400_000_000,
    );
    expect(countdowns).toHaveLength(2);
    const threads = new Set(countdowns.map((task) => task.threadId));
    expect(threads.size).toBe(2);
    expect(threads.has(threadId)).toBe(false);
    // Both halves under way at the same moment: a pool of one, or halves submitted one after the
    // other, never has two open (the events arrive in order; each countdown lasts seconds).
    expect(mostAtOnce(tasks.filter((task) => task.args[0] === 400_000_000))).toBe(2);
    const [sequential, threaded, pooled] = pulses(lines);
    // The event loop was never free while the countdown ran on it...
    expect(sequential?.ticks).toBe(0);
    expect(threaded?.ticks).toBe(0);
    // ...and its heartbeat went on while the workers counted.
    expect(pooled?.ticks).toBeGreaterThan(0);
  });

  it("runs two tasks at the same moment in the example's pool of two", async (context) => {
    context.skip(oneCpuReason() !== undefined, oneCpuReason());
    await using pool = makePool();
    const watchPeer = workerFunction<(task: ProbeTask) => ProbeReport>(
      OVERLAP_PROBE_MODULE,
      'watchPeer',
    );
    const { observations, required, reports } = await probeOverlap((task) =>
      pool.submit(watchPeer, task).result(),
    );
    expect(reports[0].threadId).not.toBe(reports[1].threadId);
    expect(observations).toBeGreaterThanOrEqual(required);
  });
});
