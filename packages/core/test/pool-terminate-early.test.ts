import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { gone } from './gone.js';

const fixture = fileURLToPath(new URL('./fixtures/terminate-early.mjs', import.meta.url));

interface Ended {
  readonly code: number | null;
  readonly stderr: string;
  readonly pids: number[];
}

/** Runs the fixture in a fresh process and gives its exit code, stderr and children's pids. */
function run(...args: string[]): Promise<Ended> {
  return new Promise((resolve) => {
    execFile(process.execPath, [fixture, ...args], (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, stderr, pids: stdout.split('\n').filter(Boolean).map(Number) });
    });
  });
}

async function expectQuietAndGone(ended: Ended, children: number): Promise<void> {
  expect(ended.stderr).toBe('');
  expect(ended.code).toBe(0);
  expect(ended.pids).toHaveLength(children);
  for (const pid of ended.pids) expect(await gone(pid)).toBe(true);
}

describe('a stop asked for right after the start', () => {
  // `dead`: the children are dead before their start message is written, so it always meets a
  // closed channel (EPIPE): the stop was asked for, so nothing is printed.
  it('Pool.terminate() at once prints nothing and leaves no worker', async () => {
    await expectQuietAndGone(await run('pool', 'dead'), 4);
  });

  it.each(['terminate', 'kill'])(
    'Process.%s() right after start() prints nothing',
    async (stop) => {
      await expectQuietAndGone(await run(stop, 'dead'), 1);
    },
  );

  it('new Pool(4) then terminate() at once, without waiting: quiet every time', async () => {
    for (let round = 0; round < 5; round++) await expectQuietAndGone(await run('pool'), 4);
  });

  it('a child that died by a signal nobody asked for is still reported', async () => {
    const ended = await run('died', 'dead');
    expect(ended.stderr).toBe('Process Process-1: write EPIPE\n');
    expect(ended.code).toBe(0);
  });
});
