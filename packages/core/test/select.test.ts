import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Selectable, select } from '../src/select/index.js';

/** A selectable that is ready when told, and counts how often `select` looked at it. */
class Fake implements Selectable {
  ready = false;
  looks = 0;
  readonly #watchers = new Set<() => void>();
  constructor(readonly name: string) {}
  readable(): boolean {
    this.looks += 1;
    return this.ready;
  }
  watch(wake: () => void): () => void {
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

  it('waits, without polling, until one becomes ready, then stops watching every one', async () => {
    const [a, b] = [new Fake('a'), new Fake('b')];
    const answer = select([a, b], [], []);
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Looked once each, before waiting; nothing since: no polling.
    expect([a.looks, b.looks]).toEqual([1, 1]);
    expect([a.watchers, b.watchers]).toEqual([1, 1]);
    b.set();
    const [readable] = await answer;
    expect(readable).toEqual([b]);
    expect([a.watchers, b.watchers]).toEqual([0, 0]);
  });

  it('answers empty lists when the timeout runs out first; 0 only looks', async () => {
    const a = new Fake('a');
    const started = performance.now();
    expect(await select([a], [], [], 0.05)).toEqual([[], [], []]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    expect(a.watchers).toBe(0);
    expect(await select([a], [], [], 0)).toEqual([[], [], []]);
    expect(a.watchers).toBe(0);
  });

  it('counts an object with no writable() as always ready to write', async () => {
    const a = new Fake('a');
    expect(await select([], [a], [], null)).toEqual([[], [a], []]);
  });
});
