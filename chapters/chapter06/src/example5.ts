// Mirrors Chapter06/example5.py: example4's program, written out again as the book does, plus a
// join with a 1 s limit on the daemon Worker 1. The join returns while Worker 1 still sleeps (it
// does not stop it): alive, True. The daemon is then terminated when the main program ends, before
// its exit line.
import { isMain, print, runMain } from '@mc/core';
import { currentProcess, Process } from '@mc/core/multiprocessing';
import { sleep } from '@mc/core/time';

export async function f1(): Promise<void> {
  const p = currentProcess();
  print(`Starting process ${p.name}, ID ${p.pid}...`);
  await sleep(4);
  print(`Exiting process ${p.name}, ID ${p.pid}...`);
}

export async function f2(): Promise<void> {
  const p = currentProcess();
  print(`Starting process ${p.name}, ID ${p.pid}...`);
  await sleep(2);
  print(`Exiting process ${p.name}, ID ${p.pid}...`);
}

export async function main(): Promise<void> {
  const p1 = new Process({ name: 'Worker 1', target: f1 });
  p1.daemon = true;
  const p2 = new Process({ name: 'Worker 2', target: f2 });

  await p1.start();
  await sleep(1);
  await p2.start();

  await p1.join(1);
  print('Whether Worker 1 is still alive:', p1.isAlive());
  await p2.join();
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
