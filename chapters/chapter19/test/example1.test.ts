import { describe, expect, it } from 'vitest';
import { matching, runUntil } from './run.js';

const TICK = /^Tick! The time is: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{6})?$/;

describe('example1.py', () => {
  it('ticks from the blocking scheduler until Ctrl-C, then ends quietly without the main-thread line', async () => {
    const run = await runUntil('example1', 0.05, (lines) => matching(lines, TICK).length >= 3);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.lines.length).toBeGreaterThanOrEqual(3);
    // Every line is a tick: start() never returned, so the print after it never ran.
    expect(run.lines.every((line) => TICK.test(line))).toBe(true);
  });

  it('stops cleanly on SIGTERM too', async () => {
    const run = await runUntil('example1', 0.05, (lines) => lines.length >= 1, 'SIGTERM');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.lines).not.toContain('Printing in the main thread.');
  });
});
