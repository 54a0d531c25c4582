import { beforeAll, describe, expect, it } from 'vitest';
import { activeChildren, Pool } from '../src/multiprocessing/index.js';
// @ts-expect-error: a plain JavaScript fixture, loaded as it is by the children too.
import * as fixtures from './fixtures/processes.mjs';
import { gone } from './gone.js';

const module = new URL('./fixtures/processes.mjs', import.meta.url).href;

beforeAll(() => {
  process.env.BOOK_TIME_SCALE = '0.01';
});

describe('Pool', () => {
  it('maps a function over items in worker processes, results in item order', async () => {
    const pids: number[] = [];
    {
      await using pool = new Pool(2, { module });
      pids.push(...activeChildren().map((child) => child.pid as number));
      expect(await pool.map(fixtures.square, [1, 2, 3, 4, 5, 6])).toEqual([1, 4, 9, 16, 25, 36]);
      const workers = new Set<number>(await pool.map(fixtures.pidOf, [1, 2, 3, 4, 5, 6]));
      expect([...workers].every((pid) => pids.includes(pid))).toBe(true);
      expect(workers.has(process.pid)).toBe(false);
    }
    // Leaving the block terminated the workers.
    expect(pids).toHaveLength(2);
    for (const pid of pids) expect(await gone(pid)).toBe(true);
  });

  it('rejects map with the error a call threw, and stays usable', async () => {
    await using pool = new Pool(2, { module });
    await expect(pool.map(fixtures.failOn3, [1, 2, 3, 4])).rejects.toThrow('three is bad');
    expect(await pool.map(fixtures.square, [7])).toEqual([49]);
  });

  it('lets close() and join() finish the work, then the workers exit', async () => {
    const pool = new Pool(1, { module });
    const work = pool.map(fixtures.square, [2, 3]);
    pool.close();
    await pool.join();
    expect(await work).toEqual([4, 9]);
    await expect(pool.map(fixtures.square, [1])).rejects.toThrow('Pool not running');
  });

  it('terminates with a task in flight quietly: the map rejects with KeyboardInterrupt, nothing printed', async () => {
    const pool = new Pool(1, { module });
    const inFlight = pool.map(fixtures.waitSeconds, [30]);
    const outcome = inFlight.then(
      () => 'resolved',
      (error: Error) => error.name,
    );
    // Wait until the worker has the task (its module imported), then stop the pool.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const written: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => {
      written.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    try {
      await pool.terminate();
      expect(await outcome).toBe('KeyboardInterrupt');
    } finally {
      process.stderr.write = write;
    }
    expect(written.join('')).toBe('');
  });
});
