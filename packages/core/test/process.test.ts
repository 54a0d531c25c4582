import { spawn, spawnSync } from 'node:child_process';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { fileURLToPath } from 'node:url';
import { processExists } from '@mc/testing';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { PROCESS_CHANNEL, type ProcessEvent } from '../src/diagnostics.js';
import { RuntimeError } from '../src/index.js';
import { activeChildren, currentProcess, Process, Queue } from '../src/multiprocessing/index.js';
import { Empty } from '../src/queue/index.js';
// @ts-expect-error: a plain JavaScript fixture, loaded as it is by the children too.
import * as fixtures from './fixtures/processes.mjs';
import { gone } from './gone.js';
import { clearsItsTimer } from './own-timer.js';

const module = new URL('./fixtures/processes.mjs', import.meta.url).href;
const program = fileURLToPath(module);

interface SelfView {
  tag: string;
  name: string;
  pid: number;
  ppid: number;
}

beforeAll(() => {
  process.env.BOOK_TIME_SCALE = '0.01';
});

function runProgram(scenario: string) {
  return spawnSync(process.execPath, [program, scenario], {
    encoding: 'utf8',
    env: { ...process.env, BOOK_TIME_SCALE: '0.01' },
    timeout: 30_000,
  });
}

describe('Process', () => {
  it('runs its target in a child with its own pid, whose parent is this process', async () => {
    const queue = new Queue<SelfView>();
    const first = new Process({ target: fixtures.describeSelf, args: [queue, 'one'], module });
    const second = new Process({ target: fixtures.describeSelf, args: [queue, 'two'], module });
    first.start();
    second.start();
    const seen = [await queue.get(), await queue.get()].sort((a, b) => a.tag.localeCompare(b.tag));
    await first.join();
    await second.join();
    expect(seen.map((view) => view.pid)).toEqual([first.pid, second.pid]);
    expect(new Set([first.pid, second.pid, process.pid]).size).toBe(3);
    expect(seen.map((view) => view.ppid)).toEqual([process.pid, process.pid]);
    expect(seen.map((view) => view.name)).toEqual([first.name, second.name]);
    expect([first.exitcode, second.exitcode]).toEqual([0, 0]);
    expect(first.isAlive()).toBe(false);
    expect(await gone(first.pid as number)).toBe(true);
  });

  it('returns from start() once the child runs, its module loaded, as a Python fork does', async () => {
    // The child's module takes 300 ms to load: the start's cost lies inside start(), so a sleep
    // after it (Chapter 6 example4's) is not eaten by the child's boot. A lower bound only.
    const slow = new URL('./fixtures/slow-import.mjs', import.meta.url).href;
    const { hold } = await import(slow);
    const child = new Process({ target: hold, module: slow });
    const before = performance.now();
    await child.start();
    expect(performance.now() - before).toBeGreaterThanOrEqual(300);
    expect(child.isAlive()).toBe(true);
    child.terminate();
    await child.join();
    expect(child.exitcode).toBe(-15);
  });

  it('resolves start() when the child exits before it could run (a target not exported)', async () => {
    const child = new Process({ target: function notExported() {}, module });
    await child.start();
    expect(child.exitcode).toBe(1);
  });

  it('is MainProcess with this pid in the main program', () => {
    expect(currentProcess().name).toBe('MainProcess');
    expect(currentProcess().pid).toBe(process.pid);
  });

  it('names processes <ClassName>-N, N counting every process created, named or not', () => {
    class Consumer extends Process {}
    const first = new Process();
    const n = Number(first.name.replace('Process-', ''));
    const named = new Process({ name: 'Worker 1' });
    const third = new Process();
    const consumer = new Consumer();
    expect(first.name).toMatch(/^Process-\d+$/);
    expect(named.name).toBe('Worker 1');
    expect(third.name).toBe(`Process-${n + 2}`);
    expect(consumer.name).toBe(`Consumer-${n + 3}`);
  });

  it('rebuilds a subclass in the child from its module, fields and name included', () => {
    const run = runProgram('subclass');
    const [ran, started] = run.stdout.split('\n');
    expect(ran).toMatch(/^Worker-1 ran in \d+$/);
    expect(started).toBe(`started ${ran?.split(' ').at(-1)}`);
  });

  it('rebuilds an object sent through a queue as an instance of its class in the child', async () => {
    const input = new Queue<unknown>();
    const output = new Queue<unknown>();
    const child = new Process({ target: fixtures.inspectItem, args: [input, output], module });
    child.start();
    await input.put(new fixtures.Point(3, -4));
    expect(await output.get()).toEqual({ className: 'Point', isPoint: true, norm1: 7 });
    await child.join();
  });

  it('rebuilds an object a child sends back as an instance of its class in the parent', () => {
    const run = runProgram('point-back');
    expect(run.stdout.split('\n')).toEqual(['true 3', 'main returned', '']);
  });

  it('starts a process from a main script still in its top-level await (await p.start())', () => {
    const script = fileURLToPath(new URL('./fixtures/top-level-await.mjs', import.meta.url));
    const run = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 20_000 });
    expect(run.signal).toBeNull(); // killed by the timeout when start() waits for this module
    expect(run.stdout.split('\n').sort()).toEqual(
      ['', 'exitcode 0', 'hello from the child', 'started'].sort(),
    );
    expect(run.stdout.indexOf('exitcode 0')).toBe(run.stdout.length - 'exitcode 0\n'.length);
  });

  it('reports a child that throws (Process NAME: and the error), exitcode 1, and goes on', () => {
    const run = runProgram('throws');
    expect(run.stderr).toMatch(/^Process Process-1:\nError: boom in the child\n/);
    expect(run.stdout.split('\n')).toEqual(['exitcode 1', 'main returned', '']);
    expect(run.status).toBe(0);
  });

  it('fails with one clear error when the target is not exported under its name', () => {
    const run = runProgram('bad-target');
    expect(run.stderr).toContain(`exports no target named 'notExported'`);
    expect(run.stdout).not.toContain('never runs');
    expect(run.stdout.split('\n')).toEqual(['exitcode 1', 'main returned', '']);
  });

  it('refuses a target without a name at start()', () => {
    const child = new Process({
      target: (
        () => () =>
          1
      )(),
      module,
    });
    expect(() => child.start()).toThrow(/travels by name/);
    expect(activeChildren()).not.toContain(child);
  });

  it('gives exitcode -9 and -15 to a child killed from outside', async () => {
    const queue = new Queue<number>();
    const killed = new Process({ target: fixtures.sleepForever, args: [queue], module });
    const terminated = new Process({ target: fixtures.sleepForever, args: [queue], module });
    killed.start();
    terminated.start();
    await queue.get();
    await queue.get();
    process.kill(killed.pid as number, 'SIGKILL');
    terminated.terminate();
    await killed.join();
    await terminated.join();
    expect([killed.exitcode, terminated.exitcode]).toEqual([-9, -15]);
    expect(await gone(killed.pid as number)).toBe(true);
    expect(await gone(terminated.pid as number)).toBe(true);
  });

  it('returns from join(timeout) while the child still runs, and does not stop it', async () => {
    const queue = new Queue<number>();
    const endless = new Process({ target: fixtures.sleepForever, args: [queue], module });
    endless.start();
    await queue.get();
    await endless.join(0.5);
    expect(endless.isAlive()).toBe(true);
    expect(endless.exitcode).toBeNull();
    expect(processExists(endless.pid as number)).toBe(true);
    endless.terminate();
    await endless.join();
    expect(await gone(endless.pid as number)).toBe(true);
  });

  it('raises Empty on a timed get whose producer died, and gives later items to the living', async () => {
    const queue = new Queue<number>();
    const producer = new Process({ target: fixtures.sleepForever, args: [queue], module });
    producer.start();
    await queue.get();
    producer.kill();
    await producer.join();
    await expect(queue.get({ timeout: 0.5 })).rejects.toBeInstanceOf(Empty);
    // A child parked on a get, then killed: the item put after goes to the next reader, not to it.
    const ready = new Queue<string>();
    const reader = new Process({ target: fixtures.parkOnGet, args: [queue, ready], module });
    reader.start();
    expect(await ready.get()).toBe('parked');
    reader.kill();
    await reader.join();
    await queue.put(42);
    expect(await queue.get({ timeout: 1 })).toBe(42);
  });

  it('tells a trace when each child starts and exits; a join(timeout) after the exit leaves no timer', async () => {
    const events: ProcessEvent[] = [];
    const note = (message: unknown) => events.push(message as ProcessEvent);
    subscribe(PROCESS_CHANNEL, note);
    const child = new Process({ target: fixtures.square, args: [2], module });
    try {
      await child.start();
      await child.join();
    } finally {
      unsubscribe(PROCESS_CHANNEL, note);
    }
    const { pid, name } = child;
    expect(events.filter((event) => event.name === name)).toEqual([
      { phase: 'start', pid, name },
      { phase: 'exit', pid, name, exitcode: 0 },
    ]);
    await clearsItsTimer(() => child.join(100));
  });

  it('reports a module it cannot find in one report, and kills the child it had forked', async () => {
    const missing = new URL('./fixtures/no-such-module.ts', import.meta.url).href;
    const child = new Process({ target: fixtures.square, args: [2], module: missing });
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      await child.start();
    } finally {
      spy.mockRestore();
    }
    expect(child.exitcode).toBe(-9);
    expect(written.join('')).toMatch(
      new RegExp(`^Process ${child.name}:\nError: worker module not found: .*no-such-module.js`),
    );
  });

  it('is the same MainProcess object each time it is asked', () => {
    expect(currentProcess()).toBe(currentProcess());
  });

  it('cannot be started twice or joined before it starts', async () => {
    const child = new Process();
    await expect(child.join()).rejects.toThrow(new RuntimeError('can only join a started process'));
    child.start();
    expect(() => child.start()).toThrow(new RuntimeError('cannot start a process twice'));
    await child.join();
    expect(child.exitcode).toBe(0);
  });

  it('refuses to start the main process, and tells a subclass that skipped super() so', () => {
    expect(() => currentProcess().start()).toThrow(
      new RuntimeError('a process cannot start itself'),
    );
    expect(currentProcess().isAlive()).toBe(true);
    const unborn = Object.create(Process.prototype) as Process;
    expect(() => unborn.isAlive()).toThrow(
      new RuntimeError('Process.__init__ was not called (call super() first)'),
    );
  });
});

describe('the end of the main program', () => {
  it('terminates a live daemon child and waits for the non-daemon one', () => {
    const run = runProgram('daemon-and-normal');
    const lines = run.stdout.trim().split('\n');
    const daemon = Number(lines[0]?.replace('daemon ', ''));
    const normal = Number(lines[1]?.replace('normal ', ''));
    expect(lines.slice(2)).toEqual(['main returned', 'non-daemon finished']);
    expect(run.status).toBe(0);
    expect(processExists(daemon)).toBe(false);
    expect(processExists(normal)).toBe(false);
  });

  it('ends on its own though it made a process it never started (the child forked ahead keeps nothing alive)', () => {
    const run = runProgram('unstarted');
    expect(run.signal).toBeNull(); // not stopped by spawnSync's time limit
    expect(run.stdout).toBe('made\nmain returned\n');
    expect(run.status).toBe(0);
  });

  it('leaves no child behind when the parent is killed (the children exit on disconnect)', async () => {
    const parent = spawn(process.execPath, [program, 'orphans'], {
      env: { ...process.env, BOOK_TIME_SCALE: '1' },
    });
    const pids = await new Promise<number[]>((resolve) => {
      parent.stdout.setEncoding('utf8').on('data', (text: string) => {
        const match = /children (\d+) (\d+)/.exec(text);
        if (match) resolve([Number(match[1]), Number(match[2])]);
      });
    });
    expect(pids.every(processExists)).toBe(true);
    parent.kill('SIGKILL');
    for (const pid of pids) expect(await gone(pid)).toBe(true);
  });

  it('leaves no child behind after Ctrl-C (SIGINT to the process group)', async () => {
    const parent = spawn(process.execPath, [program, 'orphans'], {
      env: { ...process.env, BOOK_TIME_SCALE: '1' },
      detached: true,
    });
    const pids = await new Promise<number[]>((resolve) => {
      parent.stdout.setEncoding('utf8').on('data', (text: string) => {
        const match = /children (\d+) (\d+)/.exec(text);
        if (match) resolve([Number(match[1]), Number(match[2])]);
      });
    });
    process.kill(-(parent.pid as number), 'SIGINT');
    for (const pid of [parent.pid as number, ...pids]) expect(await gone(pid)).toBe(true);
  });
});
