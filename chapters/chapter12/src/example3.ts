// Mirrors Chapter12/example3.py: the dining philosophers. Five threads share five forks (locks);
// each takes its left fork, then its right one, eats (prints a line) and puts them back, for
// ever. Sooner or later each holds its left fork and waits for its right one, held by its
// neighbour: the program freezes. Python's threads are switched at any moment, so a switch
// between the two forks now and then, and at last all five at once, is what brings it there.
//
// Here a philosopher gives way only where it awaits, so two awaits stand in for those moments:
// a random pause after each meal (`think`, 0 to 10 ms), so the philosophers come back to the
// table in ever new orders, and one turn of the event loop between the two forks (`reach`), as if
// reaching for the second fork took time. Each is started as Python's `start()` does, running to
// its first block: it eats once before the next comes to the table, as Python's first thread eats
// before the next has started. The freeze is real: five threads in a circular wait,
// which core's Lock names on stderr once nothing has moved for half a second (`Deadlock:
// Thread-1 holds forks[0] and waits for forks[1]; ...`), then the program waits for ever, as
// Python's does.
import { setImmediate as nextTurn, setTimeout as pause } from 'node:timers/promises';
import { isMain, print, runMain } from '@mc/core';
import { currentThread, Lock, Thread } from '@mc/core/threading';

/** A philosopher's random pause after each meal: 0 to 10 ms (not a book duration). */
export async function think(): Promise<void> {
  await pause(Math.random() * 10);
}

/** Reaching for the second fork: one turn of the event loop, where a neighbour may move. */
export async function reach(): Promise<void> {
  await nextTurn();
}

// The philosopher thread
export async function philosopher(left: Lock, right: Lock): Promise<void> {
  for (;;) {
    {
      using _left = await left.hold();
      await reach();
      using _right = await right.hold();
      print(`Philosopher at ${currentThread()} is eating.`);
    }
    await think();
  }
}

// The chopsticks
export const N_FORKS = 5;

/** Five forks, named as the book's list, and the philosophers around them, not started. */
export function table(target: (left: Lock, right: Lock) => Promise<void>): Thread[] {
  const forks = Array.from({ length: N_FORKS }, (_, n) => new Lock({ name: `forks[${n}]` }));

  // Create all of the philosophers
  return Array.from(
    { length: N_FORKS },
    (_, n) => new Thread({ target, args: [forks[n], forks[(n + 1) % N_FORKS]] }),
  );
}

export async function main(): Promise<void> {
  const phils = table(philosopher);

  // Run all of the philosophers
  for (const p of phils) {
    await p.start();
  }
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
