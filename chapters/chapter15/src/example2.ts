// Mirrors Chapter15/example2.py: a CPU-bound countdown, once on its own, then split between two
// threads, takes as long either way: under the GIL one thread computes at a time. Node has no GIL
// but one JavaScript thread: the two core Threads are tasks on the event loop, and a task that
// computes without awaiting runs to its end before the other starts, so the halves run strictly one
// after the other. A heartbeat timer proves it: it cannot tick once while either phase runs.
// The count is 40 times the book's COUNT by default (see count-option.ts): `--count 50000000`.
import { isMain, print, runMain } from '@mc/core';
import { Thread } from '@mc/core/threading';
import { parseCount } from './count-option.js';
import { timePhase } from './heartbeat.js';
import { countdown } from './workers/countdown.js';

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const count = parseCount(argv);
  print(`Counting down from ${count}.`);

  await timePhase('Sequential program finished.', () => countdown(count));

  const thread1 = new Thread({ target: countdown, args: [Math.floor(count / 2)] });
  const thread2 = new Thread({ target: countdown, args: [Math.floor(count / 2)] });

  await timePhase('Concurrent program finished.', async () => {
    thread1.start();
    thread2.start();
    await thread1.join();
    await thread2.join();
  });
}

if (isMain(import.meta.url)) runMain(main);
