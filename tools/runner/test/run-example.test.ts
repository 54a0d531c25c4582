import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isAlive } from '../src/kill-tree.js';
import { type RunRequest, runExample } from '../src/run-example.js';
import { useFixtureRoot } from './fixture-root.js';

const fixtureRoot = useFixtureRoot();
let chapter: string;
beforeAll(() => {
  chapter = join(fixtureRoot(), 'chapter01');
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

  it('counts the CPU time of every worker thread', async () => {
    const run = await runExample(
      request('busy', { args: [join(chapter, 'dist', 'busy.js'), '2'] }),
    );
    // Each worker read its own CPU time from the kernel; the run's total must cover their sum,
    // however much the load stretched it (the main thread's own time comes on top).
    const workers = Number(/^workers cpu (\d+\.\d+)$/m.exec(run.stdout)?.[1]);
    expect(workers).toBeGreaterThan(0.05);
    expect(run.cpuSeconds).toBeGreaterThanOrEqual(workers - 0.001);
  });

  it('counts the CPU time of a child process the example waited for', async () => {
    const run = await runExample(request('childcpu'));
    expect(run.exitCode).toBe(0);
    const child = Number(/^child cpu (\d+\.\d+)$/m.exec(run.stdout)?.[1]);
    expect(child).toBeGreaterThan(0.05);
    expect(run.cpuSeconds).toBeGreaterThanOrEqual(child - 0.001);
  });

  it('stops an example at its limit and leaves its grandchild process dead too', async () => {
    // 3 s: time for Node to start and print the grandchild's pid on a loaded machine.
    const run = await runExample(request('spawner', { limitSeconds: 3 }));
    const grandchild = pidIn(run.stdout);
    expect(grandchild).toBeGreaterThan(0);
    expect(run.timedOut).toBe(true);
    expect(run.exitCode).toBeGreaterThan(128);
    expect(run.cpuSeconds).not.toBeNull();
    expect(await dies(grandchild)).toBe(true);
  });

  it('kills with SIGKILL an example that ignores SIGTERM', async () => {
    // Stopped once its SIGTERM handler is in place (it has printed), with a grace long enough for
    // the handler to run on a loaded machine: a limit from the spawn could strike before either.
    const controller = new AbortController();
    const run = await runExample(
      request('stubborn', {
        graceMs: 5000,
        signal: controller.signal,
        onStdout: () => controller.abort(),
      }),
    );
    expect(run.interrupted).toBe(true);
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
