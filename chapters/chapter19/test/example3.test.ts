import { childrenOf, packageDirOf, processExists, runUntil, startExample } from '@mc/testing';
import { describe, expect, it } from 'vitest';

const packageDir = packageDirOf(import.meta.url);

const pidOf = (line: string) => Number(/ (\d+)(:|$)/.exec(line)?.[1]);

describe('example3.py', () => {
  it('runs overlapping jobs in pool processes with their own pids, and waits for them at Ctrl-C', async () => {
    // Half the book's timings: a run every 1.5 s lasting 2 s, so run 2 starts 0.5 s before run 1 ends.
    const run = await runUntil(
      packageDir,
      'example3',
      (lines) => lines.filter((line) => /^Starting/.test(line)).length >= 3,
      { timeScale: 0.5 },
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const starts = run.lines.filter((line) => /^Starting job inside \d+$/.test(line));
    const ends = run.lines.filter((line) => /^Ending job inside \d+$/.test(line));
    expect(
      run.lines.filter((line) =>
        /^From process \d+: The time is \d{4}-\d{2}-\d{2} [\d:.]+$/.test(line),
      ),
    ).toHaveLength(starts.length);
    // shutdown() waited: every run that started also ended.
    expect(ends).toHaveLength(starts.length);
    const pids = new Set(starts.map(pidOf));
    expect(pids.has(run.pid)).toBe(false);
    expect(pids.size).toBeGreaterThanOrEqual(2);
    // Run 2 started (in another process) before run 1 ended: two instances of the job overlapped.
    const firstPid = pidOf(starts[0] ?? '');
    const firstEnd = run.lines.indexOf(`Ending job inside ${firstPid}`);
    const secondStart = run.lines.indexOf(starts[1] ?? '');
    expect(secondStart).toBeLessThan(firstEnd);
    expect(pidOf(starts[1] ?? '')).not.toBe(firstPid);
    // The pool's processes are gone with the program.
    for (const pid of pids) expect(processExists(pid)).toBe(false);
  });

  it('prints no error when it and its pool workers are stopped with a job in flight (a runner stop)', async () => {
    const run = startExample(packageDir, 'example3', { timeScale: 0.5, limitSeconds: 60 });
    await run.printed('Starting job inside');
    // The runner's stop: SIGTERM to every process of the tree, the pool workers too.
    for (const pid of childrenOf(run.pid)) process.kill(pid, 'SIGTERM');
    const exit = await run.stop('SIGTERM');
    expect(run.stderr).toBe('');
    expect(exit.code).toBe(0);
  });
});
