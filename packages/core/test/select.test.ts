import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ValueError } from '../src/errors.js';
import { type Selectable, select } from '../src/select/index.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** A selectable that is ready when told, and counts how often `select` looked at and watched it. */
class Fake implements Selectable {
  ready = false;
  looks = 0;
  watches = 0;
  readonly #watchers = new Set<() => void>();
  constructor(readonly name: string) {}
  readable(): boolean {
    this.looks += 1;
    return this.ready;
  }
  watch(wake: () => void): () => void {
    this.watches += 1;
    this.#watchers.add(wake);
    return () => this.#watchers.delete(wake);
  }
  /** Becomes ready and says so. */
  set(): void {
    this.ready = true;
    for (const wake of [...this.#watchers]) wake();
  }
  get watchers(): number {
    return this.#watchers.size;
  }
}

beforeEach(() => {
  process.env.BOOK_TIME_SCALE = '1';
});
afterEach(() => {
  delete process.env.BOOK_TIME_SCALE;
});

describe('select (select.select)', () => {
  it('answers at once with the ready ones, in list order', async () => {
    const [a, b, c] = [new Fake('a'), new Fake('b'), new Fake('c')];
    a.ready = true;
    c.ready = true;
    const [readable, writable, exceptional] = await select([a, b, c], [], [], 5);
    expect(readable.map((item) => item.name)).toEqual(['a', 'c']);
    expect(writable).toEqual([]);
    expect(exceptional).toEqual([]);
  });

  it('waits, without polling, until one becomes ready', async () => {
    const [a, b] = [new Fake('a'), new Fake('b')];
    const answer = select([a, b], [], []);
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Looked once each, before waiting; nothing since: no polling.
    expect([a.looks, b.looks]).toEqual([1, 1]);
    expect([a.watchers, b.watchers]).toEqual([1, 1]);
    b.set();
    const [readable] = await answer;
    expect(readable).toEqual([b]);
  });

  it('watches each object once, from the first call that waits on it, and keeps watching', async () => {
    const [a, b] = [new Fake('a'), new Fake('b')];
    for (let round = 0; round < 3; round += 1) {
      const answer = select([a, b], [], []);
      (round % 2 === 0 ? a : b).set();
      const [readable] = await answer;
      expect(readable).toHaveLength(1);
      a.ready = false;
      b.ready = false;
    }
    expect([a.watches, b.watches]).toEqual([1, 1]);
    expect([a.watchers, b.watchers]).toEqual([1, 1]);
    // A wake while no call waits costs no look.
    const looks = a.looks;
    a.set();
    await new Promise((resolve) => setImmediate(resolve));
    expect(a.looks).toBe(looks);
  });

  it('answers together what became ready in the same turn of the event loop', async () => {
    const [a, b, c] = [new Fake('a'), new Fake('b'), new Fake('c')];
    const answer = select([a, b, c], [], []);
    // Two sockets read in one poll of the event loop: one answer names both, in list order.
    c.set();
    a.set();
    const [readable] = await answer;
    expect(readable.map((item) => item.name)).toEqual(['a', 'c']);
    expect([a.looks, b.looks, c.looks]).toEqual([2, 2, 2]);
  });

  it('answers each of two waiting calls with its own ready objects', async () => {
    const [a, b] = [new Fake('a'), new Fake('b')];
    const first = select([a], [], []);
    const second = select([a, b], [], []);
    b.set();
    expect((await second)[0]).toEqual([b]);
    a.set();
    expect((await first)[0]).toEqual([a]);
  });

  it('keeps nothing of an object once the caller drops it', async () => {
    let dropped: Fake | undefined = new Fake('dropped');
    const ref = new WeakRef(dropped);
    const answer = select([dropped], [], [], 0.01);
    expect(await answer).toEqual([[], [], []]);
    dropped = undefined;
    await new Promise((resolve) => setTimeout(resolve, 0)); // a WeakRef holds its target until then
    gc();
    expect(ref.deref()).toBeUndefined();
  });

  it('answers empty lists when the timeout runs out first; 0 only looks', async () => {
    const a = new Fake('a');
    const started = performance.now();
    expect(await select([a], [], [], 0.05)).toEqual([[], [], []]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    const b = new Fake('b');
    expect(await select([b], [], [], 0)).toEqual([[], [], []]);
    expect(b.watches).toBe(0);
  });

  it('rejects a negative timeout with ValueError, as Python does', async () => {
    await expect(select([new Fake('a')], [], [], -1)).rejects.toThrow(ValueError);
  });

  it('counts an object with no writable() as always ready to write', async () => {
    const a = new Fake('a');
    expect(await select([], [a], [], null)).toEqual([[], [a], []]);
  });
});
