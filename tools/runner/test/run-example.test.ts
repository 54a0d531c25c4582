import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isAlive } from '../src/kill-tree.js';
import { type RunRequest, runExample } from '../src/run-example.js';
import { makeFixtureRoot } from './fixture-root.js';

let chapter: string;
beforeAll(() => {
  chapter = join(makeFixtureRoot(), 'chapter01');
});

const request = (name: string, overrides: Partial<RunRequest> = {}): RunRequest => ({
  command: process.execPath,
  args: [join(chapter, 'dist', `${name}.js`)],
  cwd: chapter,
  limitSeconds: 20,
  graceMs: 500,
  ...overrides,
});

const pidIn = (stdout: string): number => Number(/grandchild (\d+)/.exec(stdout)?.[1]);

/** Whether `pid` is gone within 3 s: SIGKILL is certain but its delivery is not instantaneous. */
async function dies(pid: number): Promise<boolean> {
  for (let waited = 0; waited < 3000; waited += 25) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return !isAlive(pid);
}

describe('runExample', () => {
  it('captures the output, passes it on as it comes, and reports exit 0 with wall and CPU time', async () => {
    const passed: string[] = [];
    const run = await runExample(
      request('quick', { onStdout: (chunk) => passed.push(chunk.toString()) }),
    );
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe('hello from quick\n');
    expect(passed.join('')).toBe('hello from quick\n');
    expect(run.timedOut).toBe(false);
    expect(run.wallSeconds).toBeGreaterThan(0);
    expect(run.cpuSeconds).toBeGreaterThan(0);
  });

  it('writes a stdin feed only after the awaited prompt appears', async () => {
    const run = await runExample(
      request('prompt', { stdin: { text: 'quit\n', afterOutput: 'Type something' } }),
    );
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe('Type something to quit: \ngot: quit\n');
  });

  it('writes a stdin feed without afterOutput at once and closes stdin', async () => {
    const run = await runExample(request('eager', { stdin: { text: 'at once\n' } }));
    expect(run.stdout).toBe('read: at once\n');
  });

  it('gives an example without a feed an empty, closed stdin', async () => {
    const run = await runExample(request('eager'));
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe('read: \n');
  });

  it('reports a non-zero exit and its stderr', async () => {
    const run = await runExample(request('failing'));
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toMatch(/DeadlockDetected/);
  });

  it('counts the CPU time of every worker thread: two workers cost about twice one', async () => {
    const one = await runExample(
      request('busy', { args: [join(chapter, 'dist', 'busy.js'), '1'] }),
    );
    const two = await runExample(
      request('busy', { args: [join(chapter, 'dist', 'busy.js'), '2'] }),
    );
    expect(two.stdout).toBe('spun 2\n');
    // The same fixed work per thread: CPU time, unlike wall time, does not depend on the load.
    expect(two.cpuSeconds).toBeGreaterThan(1.4 * (one.cpuSeconds ?? Number.POSITIVE_INFINITY));
  });

  it('counts the CPU time of a child process the example waited for', async () => {
    const thread = await runExample(
      request('busy', { args: [join(chapter, 'dist', 'busy.js'), '1'] }),
    );
    const child = await runExample(request('childcpu'));
    expect(child.exitCode).toBe(0);
    expect(child.cpuSeconds).toBeGreaterThan(0.8 * (thread.cpuSeconds ?? Number.POSITIVE_INFINITY));
  });

  it('stops an example at its limit and leaves its grandchild process dead too', async () => {
    const run = await runExample(request('spawner', { limitSeconds: 1 }));
    const grandchild = pidIn(run.stdout);
    expect(grandchild).toBeGreaterThan(0);
    expect(run.timedOut).toBe(true);
    expect(run.exitCode).toBeGreaterThan(128);
    expect(run.cpuSeconds).not.toBeNull();
    expect(await dies(grandchild)).toBe(true);
  });

  it('kills with SIGKILL an example that ignores SIGTERM', async () => {
    const run = await runExample(request('stubborn', { limitSeconds: 1 }));
    expect(run.timedOut).toBe(true);
    expect(run.signal).toBe('SIGKILL');
    expect(run.stdout).toMatch(/ignoring SIGTERM/);
  });

  it('leaves no orphan running after an example that exits and abandons a child', async () => {
    const run = await runExample(request('orphan'));
    expect(run.exitCode).toBe(0);
    const grandchild = pidIn(run.stdout);
    expect(grandchild).toBeGreaterThan(0);
    expect(await dies(grandchild)).toBe(true);
  });

  it('stops the tree at once when aborted, and marks the run interrupted', async () => {
    const controller = new AbortController();
    let grandchild = 0;
    const run = await runExample(
      request('spawner', {
        signal: controller.signal,
        onStdout: (chunk) => {
          grandchild = pidIn(chunk.toString());
          controller.abort();
        },
      }),
    );
    expect(run.interrupted).toBe(true);
    expect(run.timedOut).toBe(false);
    expect(run.wallSeconds).toBeLessThan(15);
    expect(await dies(grandchild)).toBe(true);
  });

  it('reports a program that does not exist as a failed run, not a crash', async () => {
    const run = await runExample(request('unbuilt'));
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toMatch(/Cannot find module/);
  });
});
