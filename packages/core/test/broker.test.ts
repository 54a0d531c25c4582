// The parent's broker (multiprocessing/broker.ts) with a stand-in for a child: its IPC channel is an
// event emitter whose `send` keeps the replies, so every answer can be read without forking.
import type { ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { ValueError } from '../src/errors.js';
import { type Client, hold, type SharedState, serve } from '../src/multiprocessing/broker.js';

class Counter implements SharedState {
  readonly kind = 'Counter';
  count = 0;
  readonly forgotten: Client[] = [];
  readonly askedBy: Client[] = [];
  add(step: number, client: Client): number {
    this.askedBy.push(client);
    this.count += step;
    return this.count;
  }
  fail(): never {
    throw new ValueError('refused');
  }
  forget(client: Client): void {
    this.forgotten.push(client);
  }
}

function standInChild() {
  const sent: unknown[] = [];
  const child = Object.assign(new EventEmitter(), {
    connected: true,
    send: (message: unknown) => sent.push(message),
  });
  serve(child as unknown as ChildProcess);
  /** Emits a request from the child and returns the reply it got (after the broker's turn). */
  const ask = async (target: number, op: string, ...args: unknown[]) => {
    const before = sent.length;
    child.emit('message', { mc: 'request', id: 7, target, op, args });
    await new Promise((resolve) => setImmediate(resolve));
    return sent.slice(before);
  };
  return { child, sent, ask };
}

describe('the broker (the parent side of shared objects)', () => {
  it("runs a child's request on the object it names, with the child as last argument, and replies", async () => {
    const counter = new Counter();
    const { child, ask } = standInChild();
    expect(await ask(hold(counter), 'add', 5)).toEqual([{ mc: 'reply', id: 7, value: 5 }]);
    expect(counter.count).toBe(5);
    expect(counter.askedBy).toHaveLength(1);
    expect(counter.askedBy[0]).toBe(child);
  });

  it('replies with the error an operation threw, and its class name', async () => {
    const { ask } = standInChild();
    const [reply] = (await ask(hold(new Counter()), 'fail')) as {
      error: Error;
      errorName: string;
    }[];
    expect(reply).toMatchObject({ mc: 'reply', id: 7, errorName: 'ValueError' });
    expect(reply?.error.message).toBe('refused');
  });

  it('refuses an operation the object lacks, forget, and an object it does not hold', async () => {
    const counter = new Counter();
    const target = hold(counter);
    const { child, ask } = standInChild();
    for (const [on, op] of [
      [target, 'nothing'],
      [target, 'forget'],
      [target + 1000, 'add'],
    ] as const) {
      const [reply] = (await ask(on, op, 1)) as { error: Error }[];
      expect(reply?.error).toEqual(new TypeError(`no operation ${op} on shared object ${on}`));
    }
    expect(counter.forgotten).toEqual([]); // a child cannot make the parent forget a client
    expect(counter.count).toBe(0);
    expect(child.listenerCount('message')).toBe(1);
  });

  it('ignores what is no request, and sends nothing to a child whose channel has closed', async () => {
    const counter = new Counter();
    const target = hold(counter);
    const { child, sent, ask } = standInChild();
    child.emit('message', 'a string');
    child.emit('message', { mc: 'reply', id: 1, target, op: 'add', args: [1] });
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent).toEqual([]);
    expect(counter.count).toBe(0);
    child.connected = false;
    expect(await ask(target, 'add', 2)).toEqual([]);
    expect(counter.count).toBe(2); // it ran; only the answer had nowhere to go
  });

  it('makes every shared object forget a child that exits, once', async () => {
    const first = new Counter();
    const second = new Counter();
    hold(first);
    hold(second);
    const { child } = standInChild();
    child.emit('exit', 0, null);
    child.emit('exit', 0, null);
    expect(first.forgotten).toEqual([child]);
    expect(second.forgotten).toEqual([child]);
  });
});
