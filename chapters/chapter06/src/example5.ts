// Mirrors Chapter06/example5.py: example4's workers, plus a join with a 1 s limit on the daemon
// Worker 1. The join returns while Worker 1 still sleeps (it does not stop it): alive, True. The
// daemon is then terminated when the main program ends, before its exit line. The workers are
// example4's, started by its startWorkers.
import { isMain, print, runMain } from '@mc/core';
import { f1, f2, startWorkers } from './example4.js';

// The children import this module (the main script) and find f1 and f2 here by name.
export { f1, f2 };

export async function main(): Promise<void> {
  const [p1, p2] = await startWorkers();

  await p1.join(1);
  print('Whether Worker 1 is still alive:', p1.isAlive());
  await p2.join();
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
