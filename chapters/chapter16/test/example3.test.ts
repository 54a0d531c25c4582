import { observeTasks } from '@mc/core';
import { captureLines } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { main, timeSingleCounter } from '../src/example3.js';

describe('example3.py', () => {
  it('counts exactly for 1 to 10 threads, in a time that grows with them', async () => {
    const { lines, value: times } = await captureLines(main);
    const blocks = Array.from({ length: 10 }, (_, index) => lines.slice(4 * index, 4 * index + 4));
    blocks.forEach((block, index) => {
      const n = index + 1;
      expect(block[0]).toBe(`Number of threads: ${n}`);
      expect(block[1]).toBe(`Final counter: ${100 * n}.`);
      expect(block[2]).toBe(`Time taken:  ${times[index]?.toFixed(2)} seconds.`);
      expect(block[3]).toBe('-'.repeat(40));
      // The lock serialises all 100n increments and their sleeps of at least 1 ms each.
      expect(times[index]).toBeGreaterThanOrEqual(0.1 * n);
    });
    expect(lines).toHaveLength(40);
    // About ten times longer for ten threads; a loaded machine cannot bring that below three.
    expect((times[9] as number) / (times[0] as number)).toBeGreaterThan(3);
  });

  it('runs the increments of ten threads ten at a time, all but one waiting for the lock', async () => {
    let running = 0;
    let mostRunning = 0;
    const { value } = await captureLines(async () => {
      using _ = observeTasks(({ executor, phase }) => {
        if (executor !== 'ThreadPoolExecutor') return;
        running += phase === 'start' ? 1 : -1;
        mostRunning = Math.max(mostRunning, running);
      });
      return await timeSingleCounter(10);
    });
    expect(value.counter.value).toBe(1000);
    // The pool starts ten increments at once and each waits its turn at the lock: the time grows
    // with the threads because of the lock, not because the threads ran one at a time.
    expect(mostRunning).toBe(10);
  });
});
