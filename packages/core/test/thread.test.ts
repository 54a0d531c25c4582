import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type RunningExample, startProgram } from '@mc/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startNewThread } from '../src/_thread/index.js';
import { observeThreads, RuntimeError, type ThreadEvent } from '../src/index.js';
import { DEADLOCK_CHECK_MILLISECONDS } from '../src/threading/deadlock-watch.js';
import { currentThread, enumerateThreads, Lock, Thread } from '../src/threading/index.js';
import { sleep } from '../src/time/index.js';
import { captureStderr } from './stderr.js';

beforeAll(() => {
  vi.stubEnv('BOOK_TIME_SCALE', '0.01');
});
afterAll(() => {
  vi.unstubAllEnvs();
});

describe('Thread', () => {
  it('publishes its start and end with its name while observed', async () => {
    const events: ThreadEvent[] = [];
    const sleeper = (name: string) => new Thread({ name, target: () => sleep(1) });
    {
      using _observing = observeThreads((event) => events.push(event));
      const [a, b] = [sleeper('A'), sleeper('B')];
      a.start();
      b.start();
      await a.join();
      await b.join();
    }
    const late = sleeper('late');
    late.start();
    await late.join();
    expect(events).toEqual([
      { phase: 'start', name: 'A' },
      { phase: 'start', name: 'B' },
      { phase: 'end', name: 'A' },
      { phase: 'end', name: 'B' },
    ]);
  });

  it('currentThread() is the thread whose code runs, across its waits, and MainThread outside', async () => {
    const seen: string[] = [];
    const note = async () => {
      seen.push(currentThread().name);
      await sleep(0.1);
      seen.push(currentThread().name);
    };
    const threads = ['A', 'B'].map((name) => new Thread({ name, target: note }));
    for (const thread of threads) thread.start();
    for (const thread of threads) await thread.join();
    expect(seen).toEqual(['A', 'B', 'A', 'B']);
    expect(currentThread().name).toBe('MainThread');
    expect(String(currentThread())).toBe('<_MainThread(MainThread, started 0)>');
  });

  it('prints as Python repr()s a thread: name, state, ident', async () => {
    const thread = new Thread({ name: 'Wife', target: () => sleep(0.1) });
    expect(String(thread)).toBe('<Thread(Wife, initial)>');
    thread.start();
    expect(String(thread)).toMatch(/^<Thread\(Wife, started \d+\)>$/);
    await thread.join();
    expect(String(thread)).toMatch(/^<Thread\(Wife, stopped \d+\)>$/);
  });

  it('runs a subclass run() and reports alive until it ends', async () => {
    const steps: string[] = [];
    class Worker extends Thread {
      override async run() {
        steps.push('started');
        await sleep(1);
        steps.push('finished');
      }
    }
    const worker = new Worker({ name: 'W' });
    expect(worker.isAlive()).toBe(false);
    worker.start();
    expect(steps).toEqual(['started']);
    expect(worker.isAlive()).toBe(true);
    expect(enumerateThreads()).toContain(worker);
    await worker.join();
    expect(steps).toEqual(['started', 'finished']);
    expect(worker.isAlive()).toBe(false);
    expect(enumerateThreads()).not.toContain(worker);
    expect(enumerateThreads().map((thread) => thread.name)).toEqual(['MainThread']);
  });

  it('await start() lets the new thread run until it first blocks, as Python start()', async () => {
    const steps: string[] = [];
    const free = new Lock();
    const gate = new Lock();
    await gate.acquire();
    const first = new Thread({
      target: async () => {
        await free.acquire(); // free: settled at once, no block
        steps.push('first took the lock');
        await gate.acquire(); // held by main: blocks
        steps.push('first woke');
        free.release();
      },
    });
    const second = new Thread({
      target: async () => {
        steps.push('second started');
        await sleep(0); // a zero-length wait is no block: it ends before start() returns
        steps.push('second slept 0');
        await free.acquire();
        free.release();
      },
    });
    await first.start();
    steps.push('main goes on');
    await second.start();
    steps.push('main goes on again');
    gate.release();
    await first.join();
    await second.join();
    expect(steps).toEqual([
      'first took the lock',
      'main goes on',
      'second started',
      'second slept 0',
      'main goes on again',
      'first woke',
    ]);
  });

  it("start() without await goes on at the thread's first await, even a settled one", async () => {
    const steps: string[] = [];
    const thread = new Thread({
      target: async () => {
        await null;
        steps.push('thread');
      },
    });
    const started = thread.start();
    steps.push('main');
    await started;
    expect(steps).toEqual(['main', 'thread']);
  });

  it('names unnamed threads Thread-N with a program-wide counter', () => {
    const first = new Thread();
    const second = new Thread();
    const n = Number(first.name.replace('Thread-', ''));
    expect(first.name).toMatch(/^Thread-\d+$/);
    expect(second.name).toBe(`Thread-${n + 1}`);
  });

  it('calls target with args', async () => {
    const seen: unknown[] = [];
    const thread = new Thread({
      target: (a: number, b: string) => seen.push(a, b),
      args: [1, 'x'],
    });
    thread.start();
    await thread.join();
    expect(seen).toEqual([1, 'x']);
  });

  it('interleaves two threads that wait', async () => {
    const lines: string[] = [];
    const countdown = async (name: string) => {
      for (let n = 3; n > 0; n--) {
        await sleep(0.5);
        lines.push(`${name}${n}`);
      }
    };
    const a = new Thread({ target: countdown, args: ['A'] });
    const b = new Thread({ target: countdown, args: ['B'] });
    a.start();
    b.start();
    await a.join();
    await b.join();
    expect(lines.slice(0, 2).sort()).toEqual(['A3', 'B3']);
  });

  it('keeps an error thrown by run, prints it, and still lets join resolve', async () => {
    const thread = new Thread({
      name: 'Faulty',
      target: () => {
        throw new Error('boom');
      },
    });
    {
      using stderr = captureStderr();
      thread.start();
      await thread.join();
      expect(stderr.written.join('')).toContain('Exception in thread Faulty:');
    }
    expect((thread.exception as Error).message).toBe('boom');
  });

  it('refuses to start twice or to join before start', async () => {
    const thread = new Thread({ target: () => undefined });
    await expect(thread.join()).rejects.toThrow(RuntimeError);
    thread.start();
    expect(() => thread.start()).toThrow(RuntimeError);
    await thread.join();
  });

  it('join(timeout) returns while the thread is still alive', async () => {
    const thread = new Thread({ target: () => sleep(100) });
    thread.start();
    await thread.join(0.5);
    expect(thread.isAlive()).toBe(true);
  });
});

describe('startNewThread', () => {
  it('runs the task only once the caller yields to the event loop', async () => {
    const ran: number[] = [];
    startNewThread((x: number) => ran.push(x), 7);
    expect(ran).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(ran).toEqual([7]);
  });
});

describe('runMain', () => {
  const fixture = fileURLToPath(new URL('./fixtures/run-main.mjs', import.meta.url));
  const coreDir = fileURLToPath(new URL('..', import.meta.url));
  const run = (
    scenario: string,
    limit: { timeout: number; killSignal?: 'SIGKILL' } = { timeout: 20_000 },
  ) =>
    spawnSync(process.execPath, [fixture, scenario], {
      encoding: 'utf8',
      ...limit,
      env: { ...process.env, BOOK_TIME_SCALE: '1' },
    });

  it('waits for a non-daemon thread after main returns', () => {
    expect(run('non-daemon').stdout).toBe('main returned\nthread finished\n');
  });

  it('ends the program without waiting for a daemon thread', () => {
    const result = run('daemon');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('main returned\n');
  });

  it('loses a fire-and-forget task when main returns without waiting', () => {
    expect(run('fire-and-forget').stdout).toBe('main returned\n');
  });

  it('runs a fire-and-forget task while main waits', () => {
    expect(run('fire-and-forget-waited').stdout).toBe('task ran\nmain returned\n');
  });

  it('refuses a bad BOOK_TIME_SCALE in one line, exit 2, before main runs', () => {
    const result = spawnSync(process.execPath, [fixture, 'non-daemon'], {
      encoding: 'utf8',
      timeout: 20_000,
      env: { ...process.env, BOOK_TIME_SCALE: 'abc' },
    });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'BOOK_TIME_SCALE must be a non-negative number such as 1 or 0.01, got "abc"\n',
    );
  });

  it('prints the error and exits 1 when main throws', () => {
    const result = run('throws');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('main failed');
  });

  // A blocked run: no deadline on its start (slow under load); once it shows it is blocked (its
  // report, or a line), it is watched for three more of the deadlock watch's checks, must still be
  // running (the blocked wait keeps it alive) and is then killed. The window after the sign only
  // lets a wrong second report show up; the machine's load can shorten it, never fail the test.
  const blocked = async (scenario: string, sign: (program: RunningExample) => boolean) => {
    const program = startProgram(coreDir, fixture, { args: [scenario], timeScale: 1 });
    try {
      await program.until(() => sign(program), `the sign that ${scenario} is blocked`);
      await new Promise((resolve) => setTimeout(resolve, 3 * DEADLOCK_CHECK_MILLISECONDS));
      expect(program.exit).toBeUndefined();
    } finally {
      program.child.kill('SIGKILL');
    }
    await program.ended;
    return program;
  };
  const reported = (program: RunningExample) => program.stderr.endsWith('\n');

  it('keeps a main blocked on its own lock alive, as Python does, and names the deadlock', async () => {
    const program = await blocked('self-deadlock', reported);
    expect(program.stdout).toBe('');
    expect(program.stderr).toBe('Deadlock: MainThread holds my_lock and waits for my_lock\n');
  });

  it('names the cycle of two threads taking two locks in opposite orders, once', async () => {
    const program = await blocked('deadlock', reported);
    expect(program.stderr).toMatch(
      /^Deadlock: Thread-\d+ holds lock_a and waits for lock_b; Thread-\d+ holds lock_b and waits for lock_a\n$/,
    );
  });

  it('stays blocked without a report when the holder waits for no lock (no cycle)', async () => {
    const program = await blocked('no-cycle', (running) => running.stdout === 'waiting\n');
    expect(program.stderr).toBe('');
  });

  it('reports a main waiting for what nothing can deliver (no lock) in one line, with status 13', () => {
    const result = run('stalled');
    expect(result.status).toBe(13);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Stalled: main\(\) is still waiting.*a promise never settled/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('prints a UsageError as one line and exits 2', () => {
    const result = run('usage');
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('--workers needs a whole number\n');
  });

  it('isMain is false for an imported module', async () => {
    const { isMain } = await import('../src/index.js');
    expect(isMain(import.meta.url)).toBe(false);
  });
});
