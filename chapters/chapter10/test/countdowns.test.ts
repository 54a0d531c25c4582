// example1, example2, new_countdown.1 and example5: the same 20 lines, sequential or interleaved.
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

/** The sum of the book's sleeps (3 x 1 + 3 x 0.8 + 3 x 0.5) and the longest countdown's. */
const SUM_OF_SLEEPS = 6.9;
const LONGEST_COUNTDOWN = 3;

const SEQUENTIAL = ['A3', 'A2', 'A1', 'B3', 'B2', 'B1', 'C3', 'C2', 'C1'];
const CONCURRENT = ['C3', 'B3', 'A3', 'C2', 'C1', 'B2', 'A2', 'B1', 'A1'];
/** Cumulative book seconds at which each countdown line is due, when they run one after another. */
const SEQUENTIAL_DUE = [1, 2, 3, 3.8, 4.6, 5.4, 5.9, 6.4, 6.9];

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

describe('example1.py', () => {
  it('runs the countdowns one after another: the total is the sum of every sleep', async () => {
    const scale = 0.2;
    const run = await runExample('example1', { timeScale: scale });
    expect(run.code).toBe(0);
    const counters = parseCountdown(run.lines);
    expect(counters.map((line) => line.label)).toEqual(SEQUENTIAL);
    expectTabsPerLabel(counters);
    // Each line no earlier than the sleeps before it add up to (a lower bound: load only delays).
    counters.forEach((line, i) => {
      expect(line.seconds).toBeGreaterThanOrEqual((SEQUENTIAL_DUE[i] ?? 0) * scale - 0.002);
    });
    expect(counters.at(-1)?.seconds).toBeGreaterThanOrEqual(SUM_OF_SLEEPS * scale - 0.002);
  });
});

describe.each([
  ['example2', 0.2],
  ['new_countdown.1', 0.2],
])('%s.py', (name, scale) => {
  it('interleaves the countdowns: the total is the longest countdown, not the sum', async () => {
    const run = await runExample(name, { timeScale: scale });
    expect(run.code).toBe(0);
    const counters = parseCountdown(run.lines);
    expectTabsPerLabel(counters);
    // One thread, one loop: timers fire in the order they are due, whatever the load.
    expect(labelsWithTieSettled(counters.map((line) => line.label))).toEqual(CONCURRENT);
    // Printed as they happen: the times never go backwards down the output (to the millisecond).
    for (let i = 1; i < counters.length; i += 1) {
      expect(counters[i]?.seconds).toBeGreaterThanOrEqual((counters[i - 1]?.seconds ?? 0) - 0.001);
    }
    const last = counters.at(-1)?.seconds ?? 0;
    expect(last).toBeGreaterThanOrEqual(LONGEST_COUNTDOWN * scale - 0.002);
    // Sequential sleeps could not end before the sum; this is far below it.
    expect(last).toBeLessThan(0.75 * SUM_OF_SLEEPS * scale);
  });
});

describe('example5.py', () => {
  it('interleaves the blocking countdowns, each on its own worker thread', async () => {
    const scale = 0.5;
    const run = await runExample('example5', { timeScale: scale });
    expect(run.code).toBe(0);
    const counters = parseCountdown(run.lines);
    expectTabsPerLabel(counters);
    const labels = counters.map((line) => line.label);
    const at = (label: string) => labels.indexOf(label);
    // Three threads wake on their own: only orders a quarter-second apart or more are asserted.
    for (const letter of 'ABC') expect(at(`${letter}3`)).toBeLessThan(at(`${letter}2`));
    for (const letter of 'ABC') expect(at(`${letter}2`)).toBeLessThan(at(`${letter}1`));
    // Due at 0.5 s and 1.0 s; run one after another on one thread, every C line would follow A's.
    expect(at('C3')).toBeLessThan(at('A3'));
    expect(at('C1')).toBeLessThan(at('A2')); // 1.5 and 2.0
    expect(at('B1')).toBeLessThan(at('A1')); // 2.4 and 3.0
    // Each line written when it happened, not batched at the worker's end.
    for (let i = 1; i < counters.length; i += 1) {
      expect(counters[i]?.seconds).toBeGreaterThanOrEqual((counters[i - 1]?.seconds ?? 0) - 0.05);
    }
    const last = counters.at(-1)?.seconds ?? 0;
    expect(last).toBeGreaterThanOrEqual(LONGEST_COUNTDOWN * scale - 0.002);
    // The three workers start first (counted in the times): half a second allowed for that.
    expect(last).toBeLessThan(0.75 * SUM_OF_SLEEPS * scale + 0.5);
  });
});
