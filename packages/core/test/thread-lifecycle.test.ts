import { readFile } from 'node:fs/promises';
import { watchTimers } from '@mc/testing';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startNewThread } from '../src/_thread/index.js';
import { currentThread, Thread } from '../src/threading/index.js';
import { daemonWorkPending, joinNonDaemonThreads } from '../src/threading/thread.js';
import { sleep } from '../src/time/index.js';

beforeAll(() => {
  vi.stubEnv('BOOK_TIME_SCALE', '0.01');
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs `body` with stderr captured, and returns what it wrote. */
async function stderrOf(body: () => Promise<void>): Promise<string> {
  const written: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
  await body();
  vi.restoreAllMocks();
  return written.join('');
}

function failing(name: string, error: unknown): Thread {
  return new Thread({
    name,
    target: () => {
      throw error;
    },
  });
}

async function runToEnd(thread: Thread): Promise<void> {
  thread.start();
  await thread.join();
}

describe('a thread that fails', () => {
  it('reports a bug with its stack on the lines below the thread name', async () => {
    const bug = new Error('boom');
    const output = await stderrOf(() => runToEnd(failing('Buggy', bug)));
    expect(output).toBe(`Exception in thread Buggy:\n${bug.stack}\n`);
    expect(output).toMatch(/\n\s+at /);
  });

  it('reports an error the user caused (a missing file) in one line after the thread name', async () => {
    const missing = await readFile('no/such/file.txt').catch((error: unknown) => error);
    const output = await stderrOf(() => runToEnd(failing('Reader', missing)));
    expect(output).toMatch(/^Exception in thread Reader: \S.*no such file or directory.*\n$/);
    expect(output.split('\n')).toHaveLength(2);
  });

  it('reports a thrown value that is no Error as its string', async () => {
    const output = await stderrOf(() => runToEnd(failing('Odd', 42)));
    expect(output).toBe('Exception in thread Odd:\n42\n');
  });

  it('a fire-and-forget task that fails is reported with its function name and stack', async () => {
    const bug = new Error('lost');
    const output = await stderrOf(async () => {
      startNewThread(function faulty() {
        throw bug;
      });
      await sleep(0);
    });
    expect(output).toBe(`Unhandled exception in thread started by faulty:\n${bug.stack}\n`);
  });
});

describe('Thread options and states', () => {
  it('is a daemon when asked, and not by default', () => {
    expect(new Thread({ daemon: true }).daemon).toBe(true);
    expect(new Thread().daemon).toBe(false);
    expect(String(new Thread({ name: 'D', daemon: true }))).toBe('<Thread(D, initial daemon)>');
  });

  it('calls its target with no arguments when given none', async () => {
    let received: unknown[] | undefined;
    await runToEnd(
      new Thread({
        target: (...args: unknown[]) => {
          received = args;
        },
      }),
    );
    expect(received).toEqual([]);
  });

  it('with neither target nor subclass, runs and ends doing nothing', async () => {
    const idle = new Thread();
    const output = await stderrOf(() => runToEnd(idle));
    expect(output).toBe('');
    expect(idle.exception).toBeUndefined();
    expect(idle.isAlive()).toBe(false);
  });

  it('says why it refuses to start twice or to be joined before it starts', async () => {
    const thread = new Thread();
    await expect(thread.join()).rejects.toThrow('cannot join thread before it is started');
    thread.start();
    expect(() => thread.start()).toThrow('threads can only be started once');
    await thread.join();
  });

  it('a join whose thread ends before the timeout leaves no timer behind', async () => {
    // Counted among the timers this test set, not the process's: vitest's own come and go.
    const quick = new Thread({ target: () => sleep(0) });
    const { pending } = await watchTimers(async () => {
      await quick.start();
      await quick.join(100);
    });
    expect(quick.isAlive()).toBe(false);
    expect(pending).toBe(0);
  });

  it('the main thread is always alive, and takes no number from the Thread-N names', async () => {
    vi.resetModules();
    const fresh = await import('../src/threading/thread.js');
    expect(new fresh.Thread().name).toBe('Thread-1');
    expect(fresh.currentThread().isAlive()).toBe(true);
    expect(new fresh.Thread().name).toBe('Thread-2');
    expect(currentThread().isAlive()).toBe(true);
  });
});

describe('what the program waits for at its end (runMain)', () => {
  it('knows that work is pending while a fire-and-forget task or a daemon thread runs, and not after', async () => {
    expect(daemonWorkPending()).toBe(false);
    let finish: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => {
      finish = resolve;
    });
    startNewThread(() => finished);
    expect(daemonWorkPending()).toBe(true);
    finish();
    await sleep(0);
    await sleep(0);
    expect(daemonWorkPending()).toBe(false);
    const ordinary = new Thread({ target: () => finished.then(() => sleep(0.5)) });
    ordinary.start();
    expect(daemonWorkPending()).toBe(false);
    const daemon = new Thread({ daemon: true, target: () => sleep(0.5) });
    daemon.start();
    expect(daemonWorkPending()).toBe(true);
    await daemon.join();
    await ordinary.join();
    expect(daemonWorkPending()).toBe(false);
  });

  it('waits for every non-daemon thread, even one started while it waits, and for no daemon', async () => {
    const order: string[] = [];
    let release: () => void = () => undefined;
    const daemon = new Thread({
      daemon: true,
      target: () =>
        new Promise<void>((resolve) => {
          release = resolve;
        }),
    });
    const late = new Thread({ target: () => sleep(0.5).then(() => order.push('late')) });
    const first = new Thread({
      target: async () => {
        await sleep(0.5);
        late.start();
        order.push('first');
      },
    });
    daemon.start();
    first.start();
    await joinNonDaemonThreads();
    expect(order).toEqual(['first', 'late']);
    expect(late.isAlive()).toBe(false);
    expect(daemon.isAlive()).toBe(true);
    release();
    await daemon.join();
  });
});
