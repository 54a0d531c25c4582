// example1, example2, new_countdown.1 and example5: the same 20 lines, sequential or interleaved.
import { describe, expect, it } from 'vitest';
import { LONGEST_COUNTDOWN, parseCountdown, runExample, SUM_OF_SLEEPS } from './run.js';

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
    const run = await runExample('example1', scale);
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
  // Three worker threads start first; a larger scale keeps the lines' gaps above thread wake-ups.
  ['example5', 0.5],
])('%s.py', (name, scale) => {
  it('interleaves the countdowns: the total is the longest countdown, not the sum', async () => {
    const run = await runExample(name, scale);
    expect(run.code).toBe(0);
    const counters = parseCountdown(run.lines);
    expectTabsPerLabel(counters);
    const labels = counters.map((line) => line.label);
    expect(labelsWithTieSettled(labels)).toEqual(CONCURRENT);
    // Printed as they happen: the times never go backwards down the output (to the millisecond).
    for (let i = 1; i < counters.length; i += 1) {
      expect(counters[i]?.seconds).toBeGreaterThanOrEqual((counters[i - 1]?.seconds ?? 0) - 0.001);
    }
    const last = counters.at(-1)?.seconds ?? 0;
    expect(last).toBeGreaterThanOrEqual(LONGEST_COUNTDOWN * scale - 0.002);
    // Sequential sleeps could not end before the sum; this is far below it.
    expect(last).toBeLessThan(0.75 * SUM_OF_SLEEPS * scale + (name === 'example5' ? 0.5 : 0));
  });
});
