// Python's exit rule for child processes, as runMain applies it when the main program ends and a
// child when its run ends: here called directly, so that it runs in the test process.
import { beforeAll, describe, expect, it } from 'vitest';
import { activeChildren, Process, Queue } from '../src/multiprocessing/index.js';
import { shutdownProcesses } from '../src/multiprocessing/process.js';
// @ts-expect-error: a plain JavaScript fixture, loaded as it is by the children too.
import * as fixtures from './fixtures/processes.mjs';

const module = new URL('./fixtures/processes.mjs', import.meta.url).href;

beforeAll(() => {
  process.env.BOOK_TIME_SCALE = '0.01';
});

describe('shutdownProcesses', () => {
  it('terminates the live daemon children, then waits for the others to end by themselves', async () => {
    const ready = new Queue<number>();
    const items = new Queue<string>();
    const daemon = new Process({
      target: fixtures.sleepForever,
      args: [ready],
      daemon: true,
      module,
    });
    const normal = new Process({ target: fixtures.takeOne, args: [ready, items], module });
    daemon.start();
    normal.start();
    await ready.get();
    await ready.get();
    const shutdown = shutdownProcesses();
    await daemon.join();
    expect(daemon.exitcode).toBe(-15);
    // The non-daemon child ends only once it has its item: the shutdown must still wait for it.
    await items.put('go');
    await shutdown;
    expect(normal.exitcode).toBe(0);
    expect(activeChildren()).toEqual([]);
  });
});
