import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { activeChildren, Pool } from '../src/multiprocessing/index.js';
import { poolWorker } from '../src/multiprocessing/process.js';
// @ts-expect-error: a plain JavaScript fixture, loaded as it is by the children too.
import * as fixtures from './fixtures/processes.mjs';

const module = new URL('./fixtures/processes.mjs', import.meta.url).href;

describe('Pool, left idle', () => {
  it('takes no message but a result as a result: an idle pool hears its workers report running', async () => {
    await using pool = new Pool(2, { module });
    // The same channels the pool listens on, heard after it: when a worker's `running` message
    // reaches this listener, the pool's listener has had it first, with no task set.
    const reports = activeChildren().map((worker) => {
      const channel = poolWorker(worker)();
      return new Promise<void>((resolve) => {
        const onMessage = (message: { mc?: string }) => {
          if (message?.mc !== 'running') return;
          channel?.off('message', onMessage);
          resolve();
        };
        channel?.on('message', onMessage);
      });
    });
    expect(reports).toHaveLength(2);
    // A throw in the pool's listener is an uncaught exception, and the other listeners never run.
    let onThrow: (error: Error) => void = () => {};
    const thrown = new Promise<never>((_, reject) => {
      onThrow = reject;
      process.once('uncaughtException', onThrow);
    });
    try {
      await Promise.race([Promise.all(reports), thrown]);
    } finally {
      process.off('uncaughtException', onThrow);
    }
    // Taken for a result, `running` would have thrown in the pool's listener (no task to settle).
    expect(await pool.map(fixtures.square, [1, 2, 3])).toEqual([1, 4, 9]);
  });

  it("finds the function in the program's main script when no module is given", () => {
    const program = fileURLToPath(module);
    const run = spawnSync(process.execPath, [program, 'pool-main'], {
      encoding: 'utf8',
      env: { ...process.env, BOOK_TIME_SCALE: '0.01' },
      timeout: 30_000,
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('squares 4 9');
    expect(run.status).toBe(0);
  });
});
