// An addition beside Chapter17/example1.py: the book's program word for word, its 1000 threads
// being core Threads, tasks on Node's one event loop. `n += 1` has no await inside, and a task runs
// to its end or to its next await, so nothing can come between the read and the write: the count
// is 1000 every time. On the event loop a read-modify-write is atomic unless it awaits; the race of
// example1 needs threads that truly run at once, worker threads on shared memory.
import { isMain, print, runMain } from '@mc/core';
import { Thread } from '@mc/core/threading';

let n = 0;

export function foo(): void {
  n += 1;
}

export async function main(): Promise<number> {
  n = 0;

  const threads: Thread[] = [];
  for (let i = 0; i < 1000; i++) {
    const thread = new Thread({ target: foo });
    threads.push(thread);
  }

  for (const thread of threads) {
    thread.start();
  }

  for (const thread of threads) {
    await thread.join();
  }

  print(`Final value: ${n}.`);

  print('Finished.');
  return n;
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
