import { packageDirOf, runUntil } from '@mc/testing';
import { describe, expect, it } from 'vitest';

const packageDir = packageDirOf(import.meta.url);

const TICK = /^Tick! The time is: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{6})?$/;

describe('example1.py', () => {
  it('ticks from the blocking scheduler until Ctrl-C, then ends quietly without the main-thread line', async () => {
    const run = await runUntil(
      packageDir,
      'example1',
      (lines) => lines.filter((line) => TICK.test(line)).length >= 3,
      { timeScale: 0.05 },
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.lines.length).toBeGreaterThanOrEqual(3);
    // Every line is a tick: start() never returned, so the print after it never ran.
    expect(run.lines.every((line) => TICK.test(line))).toBe(true);
  });

  it('stops cleanly on SIGTERM too', async () => {
    const run = await runUntil(packageDir, 'example1', (lines) => lines.length >= 1, {
      timeScale: 0.05,
      signal: 'SIGTERM',
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.lines).not.toContain('Printing in the main thread.');
  });
});
