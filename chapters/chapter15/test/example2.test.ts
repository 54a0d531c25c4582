import { observeThreads, type ThreadEvent } from '@mc/core';
import {
  captureLines,
  exampleRunner,
  packageDirOf,
  testBadArguments,
  tookSeconds,
} from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { main } from '../src/example2.js';
import { pulses } from './heartbeat-lines.js';

const packageDir = packageDirOf(import.meta.url);
const runExample = exampleRunner(import.meta.url, { limitSeconds: 60 });

describe('example2.py', () => {
  it('prints the two timings and a heartbeat after each', async () => {
    const run = await runExample('example2', { args: ['--count', '100000000'] });
    expect(run.code).toBe(0);
    expect(run.lines).toHaveLength(7);
    expect(run.lines[0]).toBe('Counting down from 100000000.');
    expect(run.lines[1]).toBe('Sequential program finished.');
    expect(tookSeconds(run.lines.slice(2, 3))).toHaveLength(1);
    expect(run.lines[4]).toBe('Concurrent program finished.');
    expect(tookSeconds(run.lines.slice(5, 6))).toHaveLength(1);
    expect(pulses(run.lines)).toHaveLength(2);
  });

  it('runs the halves in two threads, and no timer ticks while either computes', async () => {
    const events: ThreadEvent[] = [];
    const { lines } = await captureLines(async () => {
      using _ = observeThreads((event) => events.push(event));
      return await main(['--count', '400000000']);
    });
    const started = events.filter((event) => event.phase === 'start').map((event) => event.name);
    const ended = events.filter((event) => event.phase === 'end').map((event) => event.name);
    expect(new Set(started).size).toBe(2);
    expect(ended.sort()).toEqual(started.sort());
    const [sequential, concurrent] = pulses(lines);
    for (const pulse of [sequential, concurrent]) {
      // Long enough for several ticks to fall due, and not one ran: the event loop never turned.
      expect(pulse?.wallSeconds).toBeGreaterThanOrEqual(0.03);
      expect(pulse?.ticks).toBe(0);
    }
  });

  testBadArguments(packageDir, [
    [
      'example2',
      ['--count', '1e9'],
      "--count must be a whole number from 2 to 9007199254740992, got '1e9'; the only option is --count N (the book's: 50000000)",
    ],
  ]);
});
