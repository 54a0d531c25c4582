import { packageDirOf, runUntil, startExample } from '@mc/testing';
import { describe, expect, it } from 'vitest';

const packageDir = packageDirOf(import.meta.url);

const TICK = /^Tick! The time is: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{6})?$/;
const MAIN = 'Printing in the main thread.';

describe('example2.py', () => {
  it('interleaves the background ticks with the main loop, which prints first, until Ctrl-C', async () => {
    const run = await runUntil(
      packageDir,
      'example2',
      (lines) => lines.filter((line) => TICK.test(line)).length >= 3,
      { timeScale: 0.05 },
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    // The main loop's 2 s sleep ends before the job's first 3 s interval.
    expect(run.lines[0]).toBe(MAIN);
    expect(run.lines.every((line) => line === MAIN || TICK.test(line))).toBe(true);
    // Both sides went on: a tick came between two main-thread lines, and a main-thread line between two ticks.
    const kinds = run.lines.map((line) => (line === MAIN ? 'M' : 'T')).join('');
    expect(kinds).toMatch(/M.*T.*M/);
    expect(kinds).toMatch(/T.*M.*T/);
  });

  it("stops at once on Ctrl-C, not when the main loop's current sleep ends", async () => {
    // Time scale 3: the main loop sleeps 6 s. Ctrl-C right after its first line must not wait
    // out the next 6 s sleep (Python's KeyboardInterrupt cuts the sleep short).
    const run = startExample(packageDir, 'example2', { timeScale: 3, limitSeconds: 60 });
    await run.printed(MAIN);
    const signalled = performance.now();
    const exit = await run.stop('SIGINT');
    expect(exit.code).toBe(0);
    expect((performance.now() - signalled) / 1000).toBeLessThan(3);
  });
});
