import { threadId } from 'node:worker_threads';
import {
  OVERLAP_PROBE_MODULE,
  oneCpuReason,
  type ProbeReport,
  type ProbeTask,
  probeOverlap,
} from '@mc/testing';
import { describe, expect, it, vi } from 'vitest';
import {
  asCompleted,
  Future,
  ProcessPoolExecutor,
  ThreadPoolExecutor,
  workerFunction,
} from '../src/concurrent/futures/index.js';
import { observeTasks, RuntimeError, type TaskEvent, ValueError } from '../src/index.js';
import { sleep } from '../src/time/index.js';
import type {
  fail as failFunction,
  square as squareFunction,
  workersUp as workersUpFunction,
} from './fixtures/workers.js';

const workers = new URL('./fixtures/workers.js', import.meta.url);
const square = workerFunction<typeof squareFunction>(workers, 'square');
const fail = workerFunction<typeof failFunction>(workers, 'fail');
const workersUp = workerFunction<typeof workersUpFunction>(workers, 'workersUp');
const watchPeer = workerFunction<(task: ProbeTask) => ProbeReport>(
  OVERLAP_PROBE_MODULE,
  'watchPeer',
);

describe('asCompleted', () => {
  it('yields futures first finished first', async () => {
    const later = new Future(
      new Promise<string>((resolve) => setTimeout(() => resolve('later'), 30)),
    );
    const sooner = new Future(Promise.resolve('sooner'));
    const order: string[] = [];
    for await (const future of asCompleted([later, sooner])) order.push(await future.result());
    expect(order).toEqual(['sooner', 'later']);
  });

  it('yields a failed future too, whose result() rejects', async () => {
    const failed = new Future(Promise.reject(new Error('nope')));
    const yielded = [];
    for await (const future of asCompleted([failed])) yielded.push(future);
    expect(yielded).toHaveLength(1);
    await expect(yielded[0]?.result()).rejects.toThrow('nope');
  });
});

describe('Future.addDoneCallback', () => {
  it('calls back once when the task ends, and at once when it already has', async () => {
    let finish: (value: string) => void = () => {};
    const future = new Future(new Promise<string>((resolve) => (finish = resolve)));
    const calls: string[] = [];
    future.addDoneCallback((f) => calls.push(`first, done=${f.done()}`));
    expect(calls).toEqual([]);
    finish('value');
    await future.result();
    expect(calls).toEqual(['first, done=true']);
    future.addDoneCallback(() => calls.push('late'));
    expect(calls).toEqual(['first, done=true', 'late']);
  });

  it('reports a callback that throws and still calls the others, as Python logs it', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const future = new Future(Promise.reject(new Error('task failed')));
      const calls: string[] = [];
      future.addDoneCallback(() => {
        throw new Error('callback failed');
      });
      future.addDoneCallback(() => calls.push('second'));
      await expect(future.result()).rejects.toThrow('task failed');
      expect(calls).toEqual(['second']);
      expect(error).toHaveBeenCalledOnce();
      expect(String(error.mock.calls[0]?.[1])).toContain('callback failed');
    } finally {
      error.mockRestore();
    }
  });
});

describe('ThreadPoolExecutor', () => {
  it('never runs more than maxWorkers tasks at once', async () => {
    let running = 0;
    let mostRunning = 0;
    const task = async () => {
      running += 1;
      mostRunning = Math.max(mostRunning, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
    };
    {
      await using executor = new ThreadPoolExecutor({ maxWorkers: 3 });
      for (let i = 0; i < 10; i++) executor.submit(task);
    }
    expect(running).toBe(0);
    expect(mostRunning).toBe(3);
  });

  it('map yields results in the order of the items', async () => {
    await using executor = new ThreadPoolExecutor({ maxWorkers: 4 });
    const slowFirst = async (ms: number) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return ms;
    };
    const results = [];
    for await (const ms of executor.map(slowFirst, [30, 1, 10])) results.push(ms);
    expect(results).toEqual([30, 1, 10]);
  });

  it('map submits every item when called, before its results are read, as Python does', async () => {
    await using executor = new ThreadPoolExecutor({ maxWorkers: 4 });
    const started: number[] = [];
    const results = executor.map(
      async (x: number) => {
        started.push(x);
        return x;
      },
      [1, 2, 3],
    );
    await sleep(0);
    expect(started).toEqual([1, 2, 3]);
    for await (const _ of results) {
      // drain
    }
  });

  it('refuses tasks after shutdown', async () => {
    const executor = new ThreadPoolExecutor();
    await executor.shutdown();
    expect(() => executor.submit(() => 1)).toThrow(RuntimeError);
  });

  it('passes a task error to its future only', async () => {
    await using executor = new ThreadPoolExecutor({ maxWorkers: 2 });
    const bad = executor.submit(() => {
      throw new Error('task failed');
    });
    const good = executor.submit(async () => {
      await sleep(0);
      return 'ok';
    });
    await expect(bad.result()).rejects.toThrow('task failed');
    expect(await good.result()).toBe('ok');
  });

  it('rejects a maxWorkers below 1', () => {
    expect(() => new ThreadPoolExecutor({ maxWorkers: 0 })).toThrow(ValueError);
  });
});

describe('ProcessPoolExecutor', () => {
  it('runs two tasks at the same moment on two worker threads', async (context) => {
    context.skip(oneCpuReason() !== undefined, oneCpuReason());
    await using executor = new ProcessPoolExecutor({ maxWorkers: 2 });
    expect(executor.workerCount).toBe(2);
    const { observations, required, reports } = await probeOverlap((task) =>
      executor.submit(watchPeer, task).result(),
    );
    expect(reports.map((report) => report.threadId)).not.toContain(threadId);
    expect(reports[0].threadId).not.toBe(reports[1].threadId);
    // Each side saw the other's counter move within microseconds: only two CPUs at once do that.
    expect(observations).toBe(required);
  });

  it('returns from the first submit only once every worker is up, as Python forks them there', async () => {
    // Four workers on a machine of two cores boot one after another, so a first task sent before
    // they were all up would often see fewer than four.
    await using executor = new ProcessPoolExecutor({ maxWorkers: 4 });
    expect(await executor.submit(workersUp).result()).toBe(4);
  });

  it('waitForWorkers returns once every worker is up, so that a clock started then counts no boot', async () => {
    await using executor = new ProcessPoolExecutor({ maxWorkers: 4 });
    executor.waitForWorkers(workersUp);
    // The first submit waits no more (it was done here): its task sees what waitForWorkers left.
    expect(await executor.submit(workersUp).result()).toBe(4);
  });

  it('copies arguments and results, BigInt included', async () => {
    await using executor = new ProcessPoolExecutor({ maxWorkers: 1 });
    expect(await executor.submit(square, 12345678901234567890n).result()).toBe(
      12345678901234567890n ** 2n,
    );
  });

  it('map yields results in item order', async () => {
    await using executor = new ProcessPoolExecutor({ maxWorkers: 2 });
    const results = [];
    for await (const value of executor.map(square, [3n, 4n, 5n])) results.push(value);
    expect(results).toEqual([9n, 16n, 25n]);
  });

  it('passes a task error to its future and leaves no worker behind after shutdown', async () => {
    const executor = new ProcessPoolExecutor({ maxWorkers: 2 });
    const failing = executor.submit(fail, 'worker task failed');
    await expect(failing.result()).rejects.toThrow('worker task failed');
    expect(await executor.submit(square, 2n).result()).toBe(4n);
    await executor.shutdown();
    expect(executor.workerCount).toBe(0);
    expect(() => executor.submit(square, 2n)).toThrow(RuntimeError);
  });

  it('await using stops every worker even when the block throws', async () => {
    let escaped: ProcessPoolExecutor | undefined;
    const useAndThrow = async () => {
      await using executor = new ProcessPoolExecutor({ maxWorkers: 2 });
      escaped = executor;
      await executor.submit(fail, 'inside').result();
    };
    await expect(useAndThrow()).rejects.toThrow('inside');
    expect(escaped?.workerCount).toBe(0);
  });

  it('names the missing module when a worker file does not exist', () => {
    expect(() => workerFunction(new URL('./fixtures/missing.js', import.meta.url), 'x')).toThrow(
      /worker module not found: .*missing\.js/,
    );
  });
});

describe('task events (diagnostics channel)', () => {
  it("names a thread pool's task for the lowest worker free when it starts, as Python names its threads", async () => {
    const events: TaskEvent[] = [];
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    {
      using _observing = observeTasks((event) => events.push(event));
      await using executor = new ThreadPoolExecutor({ maxWorkers: 2 });
      // 0 and 1 start at once; 2 waits for the first free worker, the one that ran 0.
      const work = async (ms: number, _label: string) => pause(ms);
      await Promise.all([
        executor.submit(work, 10, 'first').result(),
        executor.submit(work, 200, 'second').result(),
        executor.submit(work, 10, 'third').result(),
      ]);
    }
    const starts = events.filter((event) => event.phase === 'start');
    const lanes = starts.map((event) => `${String(event.args[1])} ${event.lane ?? ''}`);
    const pool = /^first (ThreadPoolExecutor-\d+)_0$/.exec(lanes[0] ?? '')?.[1];
    expect(lanes).toEqual([`first ${pool}_0`, `second ${pool}_1`, `third ${pool}_0`]);
  });

  it('tells on which thread each task ran, for both executors, only while observed', async () => {
    const events: TaskEvent[] = [];
    {
      using _observing = observeTasks((event) => events.push(event));
      await using threads = new ThreadPoolExecutor({ maxWorkers: 2 });
      await using processes = new ProcessPoolExecutor({ maxWorkers: 2 });
      await threads.submit((x: number) => x + 1, 1).result();
      await Promise.all([2n, 3n, 4n, 5n].map((x) => processes.submit(square, x).result()));
      await vi.waitFor(() => expect(events).toHaveLength(2 + 8));
    }
    const ends = events.filter((event) => event.phase === 'end');
    expect(ends.filter((event) => event.executor === 'ThreadPoolExecutor')).toEqual([
      {
        phase: 'end',
        executor: 'ThreadPoolExecutor',
        threadId,
        args: [1],
        name: '',
        id: expect.any(Number),
        lane: expect.stringMatching(/^ThreadPoolExecutor-\d+_0$/),
      },
    ]);
    const pooled = ends.filter((event) => event.executor === 'ProcessPoolExecutor');
    expect(pooled.map((event) => event.args[0]).sort()).toEqual([2n, 3n, 4n, 5n]);
    expect(pooled.every((event) => event.threadId !== threadId)).toBe(true);

    events.length = 0;
    await using processes = new ProcessPoolExecutor({ maxWorkers: 1 });
    await processes.submit(square, 6n).result();
    await new ThreadPoolExecutor().submit(() => 0).result();
    expect(events).toEqual([]);
  });
});
