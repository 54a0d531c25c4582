import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Empty, Full, Queue } from '../src/queue/index.js';

beforeAll(() => {
  vi.stubEnv('BOOK_TIME_SCALE', '0.01');
});
afterAll(() => {
  vi.unstubAllEnvs();
});

describe('Queue', () => {
  it('hands items out first in, first out, and counts them', async () => {
    const queue = new Queue<number>();
    for (const x of [1, 10, 4, 3]) await queue.put(x);
    expect(queue.qsize()).toBe(4);
    expect(queue.empty()).toBe(false);
    const out = [];
    while (!queue.empty()) out.push(await queue.get());
    expect(out).toEqual([1, 10, 4, 3]);
  });

  it('raises Empty on a non-blocking get from an empty queue', async () => {
    await expect(new Queue().get({ block: false })).rejects.toThrow(Empty);
    expect(() => new Queue().getNowait()).toThrow(Empty);
  });

  it('raises Empty when a timed get runs out', async () => {
    await expect(new Queue().get({ timeout: 1 })).rejects.toThrow(Empty);
  });

  it('a blocking get waits for the next put', async () => {
    const queue = new Queue<string>();
    const getting = queue.get();
    await queue.put('late');
    expect(await getting).toBe('late');
  });

  it('put on a full bounded queue blocks until a get makes room', async () => {
    const queue = new Queue<number>(1);
    await queue.put(1);
    expect(queue.full()).toBe(true);
    let putDone = false;
    const putting = queue.put(2).then(() => {
      putDone = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(putDone).toBe(false);
    expect(await queue.get()).toBe(1);
    await putting;
    expect(putDone).toBe(true);
    expect(await queue.get()).toBe(2);
  });

  it('raises Full on a non-blocking or timed put to a full queue', async () => {
    const queue = new Queue<number>(1);
    queue.putNowait(1);
    await expect(queue.put(2, { block: false })).rejects.toThrow(Full);
    await expect(queue.put(2, { timeout: 1 })).rejects.toThrow(Full);
    expect(() => queue.putNowait(2)).toThrow(Full);
    expect(queue.qsize()).toBe(1);
  });

  it('says in the error which way it failed: Empty that the queue is empty, Full that it is full', async () => {
    const queue = new Queue<number>(1);
    expect(() => queue.getNowait()).toThrow('queue is empty');
    await expect(queue.get({ block: false })).rejects.toThrow('queue is empty');
    queue.putNowait(1);
    expect(() => queue.putNowait(2)).toThrow('queue is full');
    await expect(queue.put(2, { block: false })).rejects.toThrow('queue is full');
  });

  it('a timed-out getter does not swallow a later item', async () => {
    const queue = new Queue<number>();
    await expect(queue.get({ timeout: 0.5 })).rejects.toThrow(Empty);
    await queue.put(5);
    expect(queue.getNowait()).toBe(5);
  });

  describe('one deadline per wait (fake clock)', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    /** Settles to 'Empty'/'Full', 'value', or stays 'pending': read after advancing the clock. */
    function track(promise: Promise<unknown>): { state: string } {
      const tracked = { state: 'pending' };
      promise.then(
        () => {
          tracked.state = 'value';
        },
        (error: Error) => {
          tracked.state = error.name;
        },
      );
      return tracked;
    }

    /**
     * A get with timeout 1 (at time scale 0.01 its deadline is 10 ms after the call), woken 8 ms
     * in by a put whose item another consumer takes before the get runs again.
     */
    async function getWokenForAStolenItem(): Promise<{ state: string }> {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
      const queue = new Queue<number>();
      const getter = track(queue.get({ timeout: 1 }));
      await vi.advanceTimersByTimeAsync(8);
      queue.putNowait(1);
      expect(queue.getNowait()).toBe(1);
      return getter;
    }

    it('a get woken for an item another consumer took waits only for what is left of its timeout', async () => {
      const getter = await getWokenForAStolenItem();
      await vi.advanceTimersByTimeAsync(1);
      expect(getter.state).toBe('pending');
      // 10 ms after the call, not 8 + 10: the second wait used the remaining 2 ms.
      await vi.advanceTimersByTimeAsync(1);
      expect(getter.state).toBe('Empty');
    });

    it('a get woken for a stolen item at its very deadline raises Empty at once, without waiting again', async () => {
      const getter = await getWokenForAStolenItem();
      // The clock reaches the deadline before the woken get runs again: nothing is left to wait.
      vi.advanceTimersByTime(2);
      for (let tick = 0; tick < 10; tick += 1) await Promise.resolve();
      expect(getter.state).toBe('Empty');
    });

    it('a getter that timed out leaves the next put to the getter still waiting', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
      const queue = new Queue<number>();
      const timed = track(queue.get({ timeout: 1 }));
      const patient = track(queue.get());
      await vi.advanceTimersByTimeAsync(10);
      expect(timed.state).toBe('Empty');
      queue.putNowait(7);
      await vi.advanceTimersByTimeAsync(0);
      expect(patient.state).toBe('value');
      expect(queue.empty()).toBe(true);
    });

    it('a timed get served in time does not, at its old deadline, drop another waiting getter', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
      const queue = new Queue<number>();
      const timed = queue.get({ timeout: 1 });
      const patient = track(queue.get());
      queue.putNowait(1);
      expect(await timed).toBe(1);
      await vi.advanceTimersByTimeAsync(20);
      queue.putNowait(2);
      await vi.advanceTimersByTimeAsync(0);
      expect(patient.state).toBe('value');
    });

    it('a put woken for a slot another producer filled waits only for what is left of its timeout', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
      const queue = new Queue<number>(1);
      queue.putNowait(1);
      const putter = track(queue.put(2, { timeout: 1 }));
      await vi.advanceTimersByTimeAsync(8);
      expect(queue.getNowait()).toBe(1);
      queue.putNowait(3);
      await vi.advanceTimersByTimeAsync(1);
      expect(putter.state).toBe('pending');
      await vi.advanceTimersByTimeAsync(1);
      expect(putter.state).toBe('Full');
      expect(queue.getNowait()).toBe(3);
    });
  });
});
