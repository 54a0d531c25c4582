// example1, example2, new_countdown.1 and example5: the same 20 lines, sequential or interleaved.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { judge, mergeTrace } from '@mc/runner';
import { exampleRunner } from '@mc/testing';
import { describe, expect, it } from 'vitest';

const runExample = exampleRunner(import.meta.url, { limitSeconds: 40 });

/** One countdown line: `1.0005 \tA = 3` -> { seconds: 1.0005, label: 'A3', tabs: 1 }. */
interface CountdownLine {
  seconds: number;
  label: string;
  tabs: number;
}

/**
 * Reads the 19 lines of a countdown program: 9 pairs of separator and counter line, then the
 * separator and `Done.`; throws on any other shape.
 */
function parseCountdown(lines: readonly string[]): CountdownLine[] {
  const separator = '-'.repeat(40);
  if (lines.length !== 20 || lines.at(-2) !== separator || lines.at(-1) !== 'Done.') {
    throw new Error(`not a countdown output:\n${lines.join('\n')}`);
  }
  const counters: CountdownLine[] = [];
  for (let i = 0; i < 18; i += 2) {
    const match = /^(\d+\.\d{4}) (\t+)([ABC]) = ([123])$/.exec(lines[i + 1] ?? '');
    if (lines[i] !== separator || !match)
      throw new Error(`bad pair: ${lines[i]} / ${lines[i + 1]}`);
    counters.push({
      seconds: Number(match[1]),
      label: `${match[3]}${match[4]}`,
      tabs: (match[2] ?? '').length,
    });
  }
  return counters;
}

const SEQUENTIAL = ['A3', 'A2', 'A1', 'B3', 'B2', 'B1', 'C3', 'C2', 'C1'];
/**
 * The first lines when the three countdowns sleep at the same time: their first sleeps start
 * together, so the shortest ends first, whatever the load. (Later lines are due a delay after the
 * previous line of their countdown actually came, which a loaded machine can push back: C1 is due
 * only 0.1 s before B2 by the book, and a stall reorders them.)
 */
const CONCURRENT_FIRST = ['C3', 'B3', 'A3'];

/** The labels in print order, with the A=3 / C=2 near-tie (both due at 1.0 s) put in book order. */
function labelsWithTieSettled(labels: string[]): string[] {
  const a3 = labels.indexOf('A3');
  const c2 = labels.indexOf('C2');
  if (c2 === a3 - 1) [labels[c2], labels[a3]] = ['A3', 'C2'];
  return labels;
}

function expectTabsPerLabel(counters: ReturnType<typeof parseCountdown>): void {
  for (const { label, tabs } of counters) expect(tabs).toBe(' ABC'.indexOf(label[0] ?? ''));
}

/** Each countdown's lines come 3, 2, 1, whatever else comes between them. */
function expectEachCountsDown(labels: readonly string[]): void {
  for (const letter of 'ABC') {
    const at = [3, 2, 1].map((n) => labels.indexOf(`${letter}${n}`));
    expect(at).toEqual([...at].sort((a, b) => a - b));
  }
}

// No test here bounds a time: a loaded machine delays every wake-up. What proves the lesson is the
// order the mechanism fixes whatever the load (one after another; or the three first sleeps
// started together, the shortest ending first), and, for the worker threads of example5, which
// sleeps were under way at the same moment.

describe('example1.py', () => {
  it('runs the countdowns one after another: A counts down to 1 before B starts, B before C', async () => {
    const run = await runExample('example1', { timeScale: 0.05 });
    expect(run.code).toBe(0);
    const counters = parseCountdown(run.lines);
    // Run at once, C (0.5 s a step) would print first: its 3 comes before anyone else's.
    expect(counters.map((line) => line.label)).toEqual(SEQUENTIAL);
    expectTabsPerLabel(counters);
  });
});

describe.each([
  ['example2', 0.2],
  ['new_countdown.1', 0.2],
])('%s.py', (name, scale) => {
  it('runs the three countdowns at once: C, whose sleeps are shortest, prints first, then B, then A', async () => {
    const run = await runExample(name, { timeScale: scale });
    expect(run.code).toBe(0);
    const counters = parseCountdown(run.lines);
    expectTabsPerLabel(counters);
    // All three were sleeping before the first line came: run one after another, A's three lines
    // would come first (example1).
    const labels = labelsWithTieSettled(counters.map((line) => line.label));
    expect(labels.slice(0, 3)).toEqual(CONCURRENT_FIRST);
    expectEachCountsDown(labels);
  });
});

describe('example5.py', () => {
  it('runs the three blocking countdowns at the same time, each on its own worker thread', async () => {
    // Core records the sleeps of the run (as the runner's --trace does): each countdown's blocking
    // sleeps on its worker's lane. A pool of one would run them one after the other.
    const records = mkdtempSync(join(tmpdir(), 'ch10-example5-'));
    try {
      const run = await runExample('example5', {
        // Long enough that a worker thread started late still finds the others sleeping.
        timeScale: 0.5,
        env: { BOOK_TRACE_DIR: records, BOOK_TRACE_KINDS: 'sleep' },
      });
      expect(run.code).toBe(0);
      const counters = parseCountdown(run.lines);
      expectTabsPerLabel(counters);
      // Each countdown counts down; how the three interleave is up to three threads waking on
      // their own, which a loaded machine may delay.
      expectEachCountsDown(counters.map((line) => line.label));
      const trace = mergeTrace(records);
      const sleeps = trace.spans.filter((span) => span.name.startsWith('blocking sleep'));
      expect(sleeps).toHaveLength(9);
      expect(
        judge({ overlap: 'sleep', lanes: 3, across: 'isolates', named: /^PoolWorker-/ }, trace),
      ).toMatchObject({ ok: true });
      // Not on the event loop's thread: it stayed free.
      const lanes = new Map(trace.lanes.map((lane) => [`${lane.pid}:${lane.tid}`, lane.name]));
      for (const sleep of sleeps)
        expect(lanes.get(`${sleep.pid}:${sleep.tid}`)).toMatch(/^PoolWorker-/);
    } finally {
      rmSync(records, { recursive: true, force: true });
    }
  });
});
