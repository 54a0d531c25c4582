import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import { UsageError } from '@mc/core';
import { workerFunction } from '@mc/core/concurrent/futures';
import { cpuCount } from '@mc/core/multiprocessing';
import { timer } from '@mc/core/timeit';
import { runExample } from '@mc/testing';
import { describe, expect, it, vi } from 'vitest';
import { bookWorkers, concurrentSolve, input, sequentialSolve } from '../src/example1.js';
import { parseWorkersOption } from '../src/workers-option.js';
import {
  type isPrimeRecorded as recorded,
  type Span,
  spansChannel,
} from './fixtures/is-prime-recorded.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const first = [10000000000037, 10000000000051, 10000000000099];
const last = 10000000000453;

const isPrimeRecorded = workerFunction<typeof recorded>(
  new URL('./fixtures/is-prime-recorded.js', import.meta.url),
  'isPrimeRecorded',
);

/** How long, in total, checks on two different threads were running at the same moment. */
function overlappingMilliseconds(spans: readonly Span[]): number {
  let total = 0;
  for (const [i, a] of spans.entries()) {
    for (const b of spans.slice(i + 1)) {
      if (a.threadId === b.threadId) continue;
      total += Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
    }
  }
  return total;
}

/** Runs `work` and returns its result and its wall time in seconds. */
async function measure<T>(work: () => Promise<T> | T) {
  const start = timer();
  const value = await work();
  return { value, wall: timer() - start };
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

  it("runs the book's 20 workers on distinct threads whose checks overlap in time", async () => {
    const spans: Span[] = [];
    const channel = new BroadcastChannel(spansChannel);
    channel.onmessage = (event) => spans.push((event as { data: Span }).data);
    try {
      await concurrentSolve(input, bookWorkers, isPrimeRecorded);
      await vi.waitFor(() => expect(spans).toHaveLength(input.length));
    } finally {
      channel.close();
    }
    expect(spans.every((span) => span.threadId !== threadId)).toBe(true);
    expect(new Set(spans.map((span) => span.threadId)).size).toBeGreaterThan(1);
    expect(overlappingMilliseconds(spans)).toBeGreaterThan(10);
  });

  it('beats the sequential half on a pool sized to the cores', async () => {
    const sequential = await measure(() => sequentialSolve(input));
    const concurrent = await measure(() => concurrentSolve(input, cpuCount()));
    expect(concurrent.value).toHaveLength(16);
    expect(concurrent.wall / sequential.wall).toBeLessThan(0.9);
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
