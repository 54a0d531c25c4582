import { threadId } from 'node:worker_threads';
import { observeTasks, type TaskEvent } from '@mc/core';
import { cpuCount } from '@mc/core/multiprocessing';
import { isPrime } from '@mc/primes';
import { captureLines, interceptPrinted } from '@mc/testing';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { concurrentSolve, input, main, type Timing } from '../src/example1.js';

/** Runs the whole program once, capturing what it prints. */
async function runMain(): Promise<{ lines: string[]; timings: Timing[] }> {
  const { lines, value: timings } = await captureLines(() => main());
  return { lines, timings };
}

describe('Chapter02/example1.py', () => {
  let lines: string[] = [];
  let timings: Timing[] = [];
  beforeAll(async () => {
    ({ lines, timings } = await runMain());
  });

  it("prints one block per worker count from 1 to cpuCount(), in the book's formats", () => {
    const blocks = [];
    for (let i = 0; i < lines.length; i += 4) blocks.push(lines.slice(i, i + 4));
    expect(blocks.map((block) => block[0])).toEqual(
      Array.from({ length: cpuCount() }, (_, i) => `Number of workers: ${i + 1}.`),
    );
    for (const [, sub, took, rule] of blocks) {
      expect(sub).toMatch(/^Sub took: \d+\.\d{4} seconds\.$/);
      expect(took).toMatch(/^Took: \d+\.\d{4} seconds\.$/);
      expect(rule).toBe('_'.repeat(20));
    }
  });

  it('finds the same primes with every pool, and times the collecting inside the whole', () => {
    const primes = input.filter((x) => isPrime(x));
    for (const timing of timings) {
      expect([...timing.result].sort((a, b) => a - b)).toEqual(primes);
      expect(timing.subDuration).toBeLessThan(timing.duration);
    }
  });

  it('splits the checks of a 2-worker pool between its 2 worker threads, each number once', async (context) => {
    context.skip(
      cpuCount() < 2,
      'this process can use one CPU only: main() never makes a 2-worker pool',
    );
    const tasks: TaskEvent[] = [];
    const stopCapture = interceptPrinted(() => {});
    try {
      using _observing = observeTasks((event) => {
        if (event.phase === 'end') tasks.push(event);
      });
      await concurrentSolve(2);
      // Workers post their events as messages, which may arrive after the results.
      await vi.waitFor(() => expect(tasks).toHaveLength(input.length));
    } finally {
      stopCapture();
    }
    expect(tasks.map((task) => task.args[0]).sort((a, b) => Number(a) - Number(b))).toEqual(input);
    const threads = new Set(tasks.map((task) => task.threadId));
    expect(threads.has(threadId)).toBe(false);
    // Both workers took a share. That they compute at the same moment is core's
    // ProcessPoolExecutor test (probeOverlap); the speedup is a figure for the runner's report.
    expect(threads.size).toBe(2);
  });
});
