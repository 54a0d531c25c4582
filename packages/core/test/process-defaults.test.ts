// What a Process is before and as it starts: its defaults, its name in a child, the module its
// target comes from when none is given, and what of the object travels to the child.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { currentProcess, Process, Queue } from '../src/multiprocessing/index.js';
// @ts-expect-error: a plain JavaScript fixture, loaded as it is by the children too.
import * as fixtures from './fixtures/processes.mjs';
import { gone } from './gone.js';

const module = new URL('./fixtures/processes.mjs', import.meta.url).href;

beforeAll(() => {
  process.env.BOOK_TIME_SCALE = '0.01';
});

/** Runs `body` with `script` as this process's main script (`process.argv[1]`). */
async function withMainScript<T>(script: string, body: () => Promise<T> | T): Promise<T> {
  const saved = process.argv[1];
  process.argv[1] = script;
  try {
    return await body();
  } finally {
    process.argv[1] = saved as string;
  }
}

/** The pids of this process's children now (Linux). */
function childPids(): number[] {
  const tasks = `/proc/${process.pid}/task`;
  return readdirSync(tasks).flatMap((task) =>
    readFileSync(`${tasks}/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
  );
}

describe('a Process before start()', () => {
  it('is not alive, has no pid nor exitcode, and terminate() and kill() do nothing', () => {
    const unstarted = new Process({ target: fixtures.square, args: [2], module });
    expect(unstarted.isAlive()).toBe(false);
    expect(unstarted.pid).toBeUndefined();
    expect(unstarted.exitcode).toBeNull();
    expect(() => unstarted.terminate()).not.toThrow();
    expect(() => unstarted.kill()).not.toThrow();
    expect(unstarted.isAlive()).toBe(false);
  });

  it('is no daemon and has no arguments unless told, as MainProcess is no daemon', async () => {
    const child = new Process({ target: fixtures.expectNoArguments, module });
    expect(child.daemon).toBe(false);
    expect(new Process({ daemon: true }).daemon).toBe(true);
    expect(currentProcess().daemon).toBe(false);
    await child.start();
    await child.join();
    expect(child.exitcode).toBe(0); // 1 if the target was given any argument
  });
});

describe('a Process as it starts', () => {
  it("names a child's own process Process-N:1, N the child's number, as Python does", async () => {
    const answers = new Queue<string>();
    const child = new Process({ target: fixtures.nameOfOwnChild, args: [answers], module });
    const n = child.name.replace('Process-', '');
    await child.start();
    expect(await answers.get()).toBe(`Process-${n}:1`);
    await child.join();
    expect(child.exitcode).toBe(0);
  });

  it('finds the target in the main script when no module is given', async () => {
    const program = fileURLToPath(module);
    const child = await withMainScript(program, async () => {
      const made = new Process({ target: fixtures.expectNoArguments });
      await made.start();
      return made;
    });
    await child.join();
    expect(child.exitcode).toBe(0);
  });

  it('without a module nor a main script, start() throws and says to pass `module`', async () => {
    await withMainScript('', () => {
      const child = new Process({ target: fixtures.square, args: [2] });
      expect(() => child.start()).toThrow(
        new TypeError('no main script to find the target in: pass `module`'),
      );
    });
  });

  it('forks a new child at start() when the one it forked ahead has died meanwhile', async () => {
    const before = new Set(childPids());
    const child = new Process({ target: fixtures.expectNoArguments, module });
    const ahead = childPids().filter((pid) => !before.has(pid));
    expect(ahead).toHaveLength(1);
    process.kill(ahead[0] as number, 'SIGKILL');
    expect(await gone(ahead[0] as number)).toBe(true); // reaped: its exit is seen
    await child.start();
    await child.join();
    expect(child.pid).not.toBe(ahead[0]);
    expect(child.exitcode).toBe(0);
  });

  it('rebuilds a subclass in the child: its class, its name and its fields, a queue among them', async () => {
    // The fixture's Queue: a Process of core's compiled code sends only its own kind of queue.
    const queue = new fixtures.Queue() as Queue<string>;
    const worker = new fixtures.Worker(queue) as Process;
    await worker.start();
    await worker.join();
    expect(worker.exitcode).toBe(0);
    expect(await queue.get({ timeout: 10 })).toBe(`${worker.name} ran in ${worker.pid}`);
  });
});

describe('the start message a child cannot receive', () => {
  it('is not reported when this object stopped the child, and is when the child died by itself', async () => {
    // @ts-expect-error: a plain JavaScript fixture.
    const { waitDead } = await import('./fixtures/terminate-early.mjs');
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const killed = new Process({ target: fixtures.square, args: [2], module });
    const died = new Process({ target: fixtures.square, args: [2], module });
    try {
      // The child is dead before the start message is written (it is sent a few microtasks after
      // start() returns, and waitDead blocks until then): the write meets a closed channel.
      killed.start();
      killed.kill();
      waitDead([killed.pid]);
      await killed.join();
      died.start();
      process.kill(died.pid as number, 'SIGKILL');
      waitDead([died.pid]);
      await died.join();
      expect([killed.exitcode, died.exitcode]).toEqual([-9, -9]);
    } finally {
      spy.mockRestore();
    }
    expect(written.join('')).toBe(`Process ${died.name}: write EPIPE\n`);
  });
});
