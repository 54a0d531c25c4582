import { threadId } from 'node:worker_threads';
import { observeTasks, type TaskEvent } from '@mc/core';
import { captureLines } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { concurrentSolve, main, sequentialSolve } from '../src/example2.js';

describe('Chapter01/example2.py', () => {
  it('ends in the digits 35443 in both halves', async () => {
    const sequential = sequentialSolve();
    const result = await concurrentSolve();
    expect(sequential % 100000n).toBe(35443n);
    expect(result).toBe(sequential);
    expect(sequential.toString(2).length).toBeGreaterThan(1_000_000);
  });

  it('runs the 20 tasks one at a time, in order, on this one thread: no two overlap', async () => {
    const tasks: TaskEvent[] = [];
    {
      using _observing = observeTasks((event) => tasks.push(event));
      await concurrentSolve();
    }
    // Each task ends before the next starts: the 'concurrent' half is the sequential loop.
    expect(tasks.map((task) => [task.phase, task.args[0]])).toEqual(
      [...Array(20).keys()].flatMap((i) => [
        ['start', i],
        ['end', i],
      ]),
    );
    expect(tasks.every((task) => task.threadId === threadId)).toBe(true);
  });

  it("prints the book's four lines", async () => {
    const { lines } = await captureLines(() => main());
    expect(lines).toHaveLength(4);
    const digits = 'Result is very large. Only printing the last 5 digits: 35443';
    expect(lines[0]).toBe(digits);
    expect(lines[1]).toMatch(/^Sequential took: \d+\.\d\d seconds\.$/);
    expect(lines[2]).toBe(digits);
    expect(lines[3]).toMatch(/^Concurrent took: \d+\.\d\d seconds\.$/);
  });
});
