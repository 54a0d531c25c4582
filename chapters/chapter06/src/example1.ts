// Mirrors Chapter06/example1.py: two processes run the same countdown with different names, are
// started, then joined; their lines interleave and the whole takes one countdown, not two. Each
// Process is a real OS process (child_process.fork): the child imports this module and calls
// countDown, found by its exported name, as Python's child finds the function it was pickled as.
import { isMain, print, runMain } from '@mc/core';
import { Process } from '@mc/core/multiprocessing';
import { sleep } from '@mc/core/time';

/** Prints a start line, counts down from 5 with `delay` seconds before each number, then exits. */
export async function countDown(name: string, delay: number): Promise<void> {
  print(`Process ${name} starting...`);

  let counter = 5;

  while (counter) {
    await sleep(delay);
    print(`Process ${name} counting down: ${counter}...`);
    counter -= 1;
  }

  print(`Process ${name} exiting...`);
}

export async function main(): Promise<void> {
  const process1 = new Process({ target: countDown, args: ['A', 0.5] });
  const process2 = new Process({ target: countDown, args: ['B', 0.5] });

  process1.start();
  process2.start();

  await process1.join();
  await process2.join();

  print('Done.');
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
