import type { ChildProcess } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { Lock } from '../src/multiprocessing/index.js';
import { WaitingLine } from '../src/multiprocessing/waiting-line.js';
import { timers } from './own-timer.js';

beforeAll(() => {
  process.env.BOOK_TIME_SCALE = '0.01';
});

describe('multiprocessing Lock, its waiting line', () => {
  it('a wait that timed out behind another leaves the line: the next waiter gets the lock', async () => {
    const lock = new Lock();
    expect(await lock.acquire()).toBe(true);
    const first = lock.acquire(); // index 0 of the line, no timeout
    expect(await lock.acquire({ timeout: 0.1 })).toBe(false); // index 1, timed out
    const third = lock.acquire();
    await lock.release();
    expect(await first).toBe(true);
    await lock.release();
    // Had the timed-out wait stayed in the line, this release would have gone to it.
    expect(await third).toBe(true);
  });

  it('a timed wait woken by a release clears its time-out timer', async () => {
    const lock = new Lock();
    expect(await lock.acquire()).toBe(true);
    const before = timers();
    // Only in-process promises are awaited here: no other timer is set or fires meanwhile.
    const waiting = lock.acquire({ timeout: 1000 });
    await lock.release(); // runs after the acquire has parked, with its timer set
    expect(await waiting).toBe(true);
    expect(timers()).toBe(before);
  });
});

describe('the waiting line behind a multiprocessing Lock or Queue, when a child exits', () => {
  // Stand-ins for two children: the line only compares a waiter's client with the one forgotten.
  const exited = {} as ChildProcess;
  const alive = {} as ChildProcess;

  it("drops only the exited child's waits: what would have woken it goes to the next client", async () => {
    const line = new WaitingLine<string>();
    const lost = line.wait(exited, null);
    const waiting = line.wait(alive, null);
    line.forget(exited);
    expect(line.wakeFirst('the lock')).toBe(true);
    expect(await waiting).toBe('the lock');
    expect(line.wakeFirst('nobody left')).toBe(false);
    void lost; // never settles: its child is gone
  });

  it("clears the timer of the exited child's timed wait", () => {
    const line = new WaitingLine<string>();
    const before = timers();
    void line.wait(exited, 60_000);
    expect(timers()).toBe(before + 1);
    line.forget(exited);
    expect(timers()).toBe(before);
  });
});
