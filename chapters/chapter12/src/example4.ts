// Mirrors Chapter12/example4.py: example3's philosophers, but each takes its two forks through
// `acquire`, which takes any set of locks in one global order (and releases them in reverse).
// Philosopher 4 then takes fork 0 before fork 4, and the circular wait cannot form: they eat for
// ever. Python sorts the locks by `id()`, their address; JavaScript has no address, so `id()`
// here numbers each object the first time it is asked, which is as good an order: any total
// order will do. The same `think` and `reach` as example3 give the same chances to deadlock.
import { isMain, print, runMain } from '@mc/core';
import { currentThread, type Lock } from '@mc/core/threading';
import { reach, table, think } from './example3.js';

const ids = new WeakMap<object, number>();
let idsGiven = 0;

/** A number for each object, the same every time: the order Python's `id()` gives. */
export function id(object: object): number {
  let known = ids.get(object);
  if (known === undefined) {
    idsGiven += 1;
    known = idsGiven;
    ids.set(object, known);
  }
  return known;
}

/**
 * Takes `locks` in order of `id()` and returns what releases them in reverse order: the book's
 * `acquire` context manager, `with acquire(left, right):` being `using _ = await acquire(...)`.
 */
export async function acquire(...locks: Lock[]): Promise<Disposable> {
  const sorted = [...locks].sort((a, b) => id(a) - id(b));
  for (const [i, lock] of sorted.entries()) {
    if (i > 0) await reach();
    await lock.acquire();
  }
  return {
    [Symbol.dispose]: () => {
      for (const lock of sorted.reverse()) lock.release();
    },
  };
}

// The philosopher thread
export async function philosopher(left: Lock, right: Lock): Promise<void> {
  for (;;) {
    {
      using _forks = await acquire(left, right);
      print(`Philosopher at ${currentThread()} is eating.`);
    }
    await think();
  }
}

export async function main(): Promise<void> {
  const phils = table(philosopher);

  // Run all of the philosophers
  for (const p of phils) {
    await p.start();
  }
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
