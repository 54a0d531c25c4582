// Mirrors Chapter06/example5.py: example4's workers, plus a join with a 1 s limit on the daemon
// Worker 1. The join returns while Worker 1 still sleeps (it does not stop it): alive, True. The
// daemon is then terminated when the main program ends, before its exit line.
import { isMain, print, runMain } from '@mc/core';
import { Process } from '@mc/core/multiprocessing';
import { sleep } from '@mc/core/time';
import { f1, f2 } from './example4.js';

// The children import this module and find f1 and f2 here by name, as in the book's file.
export { f1, f2 };

export async function main(): Promise<void> {
  const p1 = new Process({ name: 'Worker 1', target: f1 });
  p1.daemon = true;
  const p2 = new Process({ name: 'Worker 2', target: f2 });

  p1.start();
  await sleep(1);
  p2.start();

  await p1.join(1);
  print('Whether Worker 1 is still alive:', p1.isAlive());
  await p2.join();
}

if (isMain(import.meta.url)) runMain(main);
