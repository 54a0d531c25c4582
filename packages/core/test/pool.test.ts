import { existsSync, mkdtempSync, readdirSync, rmSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RuntimeError, ValueError } from '../src/index.js';
import { activeChildren, Pool, Queue, TimeoutError } from '../src/multiprocessing/index.js';
import { defaultChunksize } from '../src/multiprocessing/pool.js';
import { describeOperationalError } from '../src/operational-error.js';
// @ts-expect-error: a plain JavaScript fixture, loaded as it is by the children too.
import * as fixtures from './fixtures/processes.mjs';
import { gone } from './gone.js';
import { clearsItsTimer } from './own-timer.js';
import { captureStderr } from './stderr.js';

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

  it('sends consecutive items in chunks: one worker runs a whole chunk', async () => {
    await using pool = new Pool(2, { module });
    const items = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    const pids = await pool.map(fixtures.pidOf, items, 3);
    for (const start of [0, 3, 6]) {
      expect(new Set(pids.slice(start, start + 3)).size).toBe(1);
    }
    // One item at a time, the first two items go to the two idle workers.
    const single = await pool.map(fixtures.pidOf, [1, 2], 1);
    expect(single[0]).not.toBe(single[1]);
    await expect(pool.map(fixtures.square, [1], 0)).rejects.toThrow('Chunksize must be 1+');
  });

  it("chunks by Python's default, ceil(n / (4 * workers))", async () => {
    expect(defaultChunksize(400, 6)).toBe(17);
    expect(defaultChunksize(400, 1)).toBe(100);
    expect(defaultChunksize(6, 2)).toBe(1);
    expect(defaultChunksize(0, 2)).toBe(0);
    await using pool = new Pool(2, { module });
    // 16 items on 2 workers: chunks of 2.
    const pids = await pool.map(
      fixtures.pidOf,
      Array.from({ length: 16 }, (_, i) => i),
    );
    for (let start = 0; start < 16; start += 2) expect(pids[start]).toBe(pids[start + 1]);
    expect(await pool.map(fixtures.square, [])).toEqual([]);
  });

  it("has each worker import the pool's module before any work is given", async () => {
    const marks = mkdtempSync(join(tmpdir(), 'mc-pool-marks-'));
    process.env.MC_TEST_IMPORT_MARKS = marks;
    const markingModule = new URL('./fixtures/import-marks.mjs', import.meta.url).href;
    try {
      await using _pool = new Pool(2, { module: markingModule });
      const pids = activeChildren().map((child) => String(child.pid));
      // No map yet: the workers' marks come from the preload alone (a bounded wait, 10 s). This
      // process imported the module too (to know its classes), and marked it with its own pid.
      const workerMarks = () => readdirSync(marks).filter((pid) => pid !== String(process.pid));
      for (let tries = 0; tries < 400 && workerMarks().length < 2; tries++) {
        await new Promise((resume) => setTimeout(resume, 25));
      }
      expect(workerMarks().sort()).toEqual(pids.sort());
    } finally {
      delete process.env.MC_TEST_IMPORT_MARKS;
      rmSync(marks, { recursive: true, force: true });
    }
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

  it('refuses a pool of no worker, or of a fractional count', () => {
    expect(() => new Pool(0, { module })).toThrow(
      new ValueError('Number of processes must be at least 1, got 0'),
    );
    expect(() => new Pool(1.5, { module })).toThrow(ValueError);
    expect(activeChildren()).toEqual([]);
  });

  it('starts daemon workers named PoolWorker-N', async () => {
    await using _pool = new Pool(2, { module });
    const workers = activeChildren();
    expect(workers.map((worker) => worker.name)).toEqual([
      expect.stringMatching(/^PoolWorker-\d+$/),
      expect.stringMatching(/^PoolWorker-\d+$/),
    ]);
    expect(workers.every((worker) => worker.daemon)).toBe(true);
  });

  it('refuses a function without a name and an item that cannot travel, and goes on', async () => {
    await using pool = new Pool(1, { module });
    await expect(pool.map((x: number) => x, [1])).rejects.toThrow(
      new TypeError('a pool function travels by name: give a named, exported function'),
    );
    await expect(pool.map(fixtures.square, [() => 1])).rejects.toThrow(
      /^cannot send the function <anonymous> to another process/,
    );
    await expect(pool.map(fixtures.square, [new Queue()])).rejects.toThrow(
      /^Queue and Lock objects should only be shared between processes through inheritance/,
    );
    expect(await pool.map(fixtures.square, [3])).toEqual([9]);
  });

  it('lets two callers join at once, quietly: a channel is closed once, not twice', async () => {
    const pool = new Pool(2, { module });
    expect(await pool.map(fixtures.square, [1, 2])).toEqual([1, 4]);
    pool.close();
    {
      // A second disconnect() of a worker's channel would make its Process print the error.
      using stderr = captureStderr();
      await Promise.all([pool.join(), pool.join()]);
      expect(stderr.written).toEqual([]);
    }
    expect(activeChildren()).toEqual([]);
  });

  it('refuses join() before close() or terminate()', async () => {
    await using pool = new Pool(1, { module });
    await expect(pool.join()).rejects.toThrow(
      new RuntimeError('join() needs close() or terminate() first'),
    );
  });

  it('rejects the call whose worker died, naming the worker and its exitcode', async () => {
    await using pool = new Pool(1, { module });
    const [worker] = activeChildren();
    await expect(pool.map(fixtures.dieMidTask, [1])).rejects.toThrow(
      new RuntimeError(`pool worker ${worker?.name} died (exitcode -9)`),
    );
  });

  it("keeps a worker's system error a one-line user error: its code, syscall and path cross too", async () => {
    await using pool = new Pool(1, { module });
    const missing = join(mkdtempSync(join(tmpdir(), 'pool-missing-')), 'tile.jpg');
    const error = await pool.map(fixtures.readFileAt, [missing]).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'ENOENT', syscall: 'open', path: missing });
    expect(describeOperationalError(error)).toBe(
      `cannot open ${missing}: no such file or directory (ENOENT)`,
    );
  });

  it('waits for every call of map before it raises the first error, as Python does', async () => {
    await using pool = new Pool(1, { module });
    const touched = join(mkdtempSync(join(tmpdir(), 'pool-map-')), 'second-call-ran');
    // One worker: the failing call ends first, the second only starts after it.
    await expect(pool.map(fixtures.failOrTouch, ['fail', touched])).rejects.toThrow('failed first');
    expect(existsSync(touched)).toBe(true);
  });

  it('applyAsync runs one call and its AsyncResult answers get, ready, successful', async () => {
    await using pool = new Pool(1, { module });
    const result = pool.applyAsync(fixtures.square, [6]);
    expect(() => result.successful()).toThrow(new ValueError('the call has not ended yet'));
    expect(await result.wait()).toBe(true);
    expect(await result.get()).toBe(36);
    expect(result.ready()).toBe(true);
    expect(result.successful()).toBe(true);
    const failed = pool.applyAsync(fixtures.failOn3, [3]);
    expect(await failed.wait()).toBe(true); // ended, by an error: wait() does not raise it
    await expect(failed.get()).rejects.toThrow('three is bad');
    expect(failed.successful()).toBe(false);
  });

  it('raises the first error that came back, not a later one', async () => {
    await using pool = new Pool(1, { module });
    // One worker, one item at a time: 1 fails first, then 2.
    await expect(pool.map(fixtures.failWith, [1, 2], 1)).rejects.toThrow(new Error('bad 1'));
    await expect(pool.map(fixtures.square, [1], 1.5)).rejects.toThrow('Chunksize must be 1+');
  });

  it('when its last worker dies, fails the work still queued and any given later, naming it', async () => {
    await using pool = new Pool(1, { module });
    const [worker] = activeChildren();
    const dying = pool.applyAsync(fixtures.dieMidTask, []);
    const queued = pool.applyAsync(fixtures.square, [2]); // behind it: the only worker is busy
    const lost = new RuntimeError(`every pool worker died (the last, ${worker?.name})`);
    await expect(dying.get()).rejects.toThrow(
      new RuntimeError(`pool worker ${worker?.name} died (exitcode -9)`),
    );
    await expect(queued.get()).rejects.toThrow(lost);
    await expect(pool.map(fixtures.square, [1])).rejects.toThrow(lost);
  });

  it('keeps the queued work for the workers left when one of several dies', async () => {
    await using pool = new Pool(2, { module });
    const long = pool.applyAsync(fixtures.waitSeconds, [2]); // the first worker, busy a while
    const dying = pool.applyAsync(fixtures.dieMidTask, []); // the second, which dies
    const queued = pool.applyAsync(fixtures.square, [3]); // waits for a free worker
    await expect(dying.get()).rejects.toThrow(/died \(exitcode -9\)/);
    expect(await queued.get()).toBe(9);
    expect(await long.get()).toBeUndefined();
  });

  it('ends the call of a worker stopped by Ctrl-C (SIGINT) with KeyboardInterrupt, not as a failure', async () => {
    await using pool = new Pool(1, { module });
    const [worker] = activeChildren();
    const call = pool.applyAsync(fixtures.waitSeconds, [30]);
    process.kill(worker?.pid as number, 'SIGINT');
    await expect(call.get()).rejects.toMatchObject({ name: 'KeyboardInterrupt' });
    await expect(pool.map(fixtures.square, [1])).rejects.toMatchObject({
      name: 'KeyboardInterrupt',
    });
  });

  it('AsyncResult.wait(timeout) answers true for an ended call, and leaves no timer behind', async () => {
    await using pool = new Pool(1, { module });
    const result = pool.applyAsync(fixtures.square, [3]);
    expect(await result.get()).toBe(9);
    expect(await clearsItsTimer(() => result.wait(100))).toBe(true);
  });

  it('terminate() right after a submit ends that call too, though no worker had taken it yet', async () => {
    const pool = new Pool(1, { module });
    const call = pool.applyAsync(fixtures.sleepForever, []);
    await pool.terminate();
    // The same stop as a call in flight gets from its worker's SIGTERM.
    await expect(call.get()).rejects.toMatchObject({
      name: 'KeyboardInterrupt',
      message: 'SIGTERM',
    });
    await expect(pool.map(fixtures.square, [1])).rejects.toThrow(RuntimeError);
  });

  it('AsyncResult.get(timeout) raises TimeoutError while the call still runs', async () => {
    await using pool = new Pool(1, { module });
    const slow = pool.applyAsync(fixtures.sleepForever, []);
    await expect(slow.get(0.01)).rejects.toThrow(new TimeoutError('the call has not ended yet'));
    expect(slow.ready()).toBe(false);
  });

  it('terminates with a task in flight quietly: the map rejects with KeyboardInterrupt, nothing printed', async () => {
    const pool = new Pool(1, { module });
    const directory = mkdtempSync(join(tmpdir(), 'pool-in-flight-'));
    const running = join(directory, 'running');
    const watcher = watch(directory);
    const inFlight = pool.map(fixtures.announceThenWait, [running]);
    const outcome = inFlight.then(
      () => 'resolved',
      (error: Error) => `${error.name}: ${error.message}`,
    );
    // Wait until the worker runs the task (it creates the file), then stop the pool.
    await new Promise<void>((resolve) => {
      const check = () => existsSync(running) && resolve();
      watcher.on('change', check);
      check();
    });
    watcher.close();
    using stderr = captureStderr();
    await pool.terminate();
    expect(await outcome).toBe('KeyboardInterrupt: SIGTERM');
    expect(stderr.written.join('')).toBe('');
  });
});
