import { threadId } from 'node:worker_threads';
import { observeTasks, type TaskEvent, UsageError } from '@mc/core';
import { cpuCount } from '@mc/core/multiprocessing';
import { packageDirOf, runExample } from '@mc/testing';
import { describe, expect, it, vi } from 'vitest';
import { bookWorkers, concurrentSolve, input, sequentialSolve } from '../src/example1.js';
import { parseWorkersOption } from '../src/workers-option.js';

const packageDir = packageDirOf(import.meta.url);
const first = [10000000000037, 10000000000051, 10000000000099];
const last = 10000000000453;

/** Runs the concurrent half on `maxWorkers` and returns what it found and every task it ran. */
async function observedSolve(maxWorkers: number) {
  const tasks: TaskEvent[] = [];
  using _observing = observeTasks((event) => {
    if (event.phase === 'end') tasks.push(event);
  });
  const primes = await concurrentSolve(input, maxWorkers);
  // Workers post their events as messages, which may arrive after the results.
  await vi.waitFor(() => expect(tasks).toHaveLength(input.length));
  return { primes, tasks, threads: new Set(tasks.map((task) => task.threadId)) };
}

describe('Chapter01/example1.py', () => {
  it('finds the same 16 primes sequentially and on the pool, the pool in completion order', async () => {
    const sequential = sequentialSolve(input);
    expect(sequential).toHaveLength(16);
    expect(sequential.slice(0, 3)).toEqual(first);
    expect(sequential.at(-1)).toBe(last);

    const concurrent = await concurrentSolve(input, bookWorkers);
    expect([...concurrent].sort((a, b) => a - b)).toEqual(sequential);
  });

  it("checks every number exactly once, spread over the book's 20 worker threads", async () => {
    const { primes, tasks, threads } = await observedSolve(bookWorkers);
    expect([...primes].sort((a, b) => a - b)).toEqual(sequentialSolve(input));
    expect(tasks.map((task) => task.args[0]).sort((a, b) => Number(a) - Number(b))).toEqual(input);
    expect(threads.has(threadId)).toBe(false);
    expect(threads.size).toBeGreaterThan(1);
    expect(threads.size).toBeLessThanOrEqual(bookWorkers);
  });

  it('runs the checks on every worker of a pool sized to the cores', async () => {
    const { primes, tasks, threads } = await observedSolve(cpuCount());
    expect(primes).toHaveLength(16);
    expect(tasks.every((task) => task.executor === 'ProcessPoolExecutor')).toBe(true);
    expect(threads.has(threadId)).toBe(false);
    // Whether two of them compute at the same moment is core's ProcessPoolExecutor test
    // (probeOverlap); how much sooner they finish is a figure for the runner's report.
    expect(threads.size).toBe(cpuCount());
  });

  it('reads --workers as a whole number or cores, and names the valid choices otherwise', () => {
    expect(parseWorkersOption([], bookWorkers)).toBe(20);
    expect(parseWorkersOption(['--workers', '3'], bookWorkers)).toBe(3);
    expect(parseWorkersOption(['--workers', 'cores'], bookWorkers)).toBe(cpuCount());
    for (const bad of [
      ['--workers', '0'],
      ['--workers', '2.5'],
      ['--threads', '2'],
    ]) {
      expect(() => parseWorkersOption(bad, bookWorkers)).toThrow(UsageError);
    }
  });

  it("prints the book's lines when run as a program", async () => {
    const { code, stdout } = await runExample(packageDir, 'example1', { limitSeconds: 100 });
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    const [result1, took1, result2, took2] = lines as [string, string, string, string];
    const sequential = sequentialSolve(input);
    expect(result1).toBe(`Result 1: [${sequential.join(', ')}]`);
    expect(took1).toMatch(/^Took: \d+\.\d\d seconds\.$/);
    expect(result2).toMatch(/^Result 2: \[(\d+, )*\d+\]$/);
    const primes2 = result2.slice('Result 2: '.length).match(/\d+/g)?.map(Number);
    expect(primes2?.sort((a, b) => a - b)).toEqual(sequential);
    expect(took2).toMatch(/^Took: \d+\.\d\d seconds\.$/);
  });

  it('refuses a bad --workers with one line and exit status 2', async () => {
    const failure = await runExample(packageDir, 'example1', { args: ['--workers', 'many'] });
    expect(failure.code).toBe(2);
    expect(failure.stdout).toBe('');
    expect(failure.stderr.trimEnd().split('\n')).toEqual([
      "--workers must be a whole number of at least 1 or 'cores', got 'many'",
    ]);
  });
});
