// Mirrors Chapter15/example1.py: CPython counts the references to every object (sys.getrefcount),
// and two names can refer to one list, so a change through one shows through the other.
// JavaScript keeps no reference counts: V8's garbage collector traces what is reachable, now and
// then, so there is no count to print and nothing to protect with a global lock. The three count
// lines say what CPython counts instead; the aliasing lines are the book's. The nearest real thing
// to a count is a WeakRef, which can tell that an object was collected, never how many refer to
// it: the last lines show one alive while a and b hold the list, and empty after a collection.
import { isMain, print, pyStr, runMain } from '@mc/core';
import { collect } from '@mc/core/gc';

export async function main(): Promise<void> {
  print(`Reference count when direct-referencing: none in JavaScript (CPython: 1, the argument).`);

  let a: number[] | null = [7];
  print(
    `Reference count when referenced once: none in JavaScript (CPython: 2, a and the argument).`,
  );

  let b: number[] | null = a;
  print(
    `Reference count when referenced twice: none in JavaScript (CPython: 3, a, b and the argument).`,
  );

  // ######################################################################

  a[0] = 8;
  print(`Variable a after a is changed: ${pyStr(a)}.`);
  print(`Variable b after a is changed: ${pyStr(b)}.`);

  // What JavaScript can tell instead (an addition): whether the list is still alive, not who holds it.
  const weak = new WeakRef(a);
  let finalized = false;
  const registry = new FinalizationRegistry(() => {
    finalized = true;
  });
  registry.register(a, 'the list');
  await collect();
  print(`WeakRef while a and b hold the list: ${weak.deref() ? 'alive' : 'empty'}.`);
  a = null;
  b = null;
  await collect();
  print(`WeakRef once a and b let go, after a collection: ${weak.deref() ? 'alive' : 'empty'}.`);
  print(
    `FinalizationRegistry told: ${finalized ? 'yes' : 'not yet'} (when is up to the collector).`,
  );

  print('Finished.');
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
