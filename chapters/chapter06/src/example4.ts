// Mirrors Chapter06/example4.py: Worker 1 is a daemon, Worker 2 is not. The main program's code
// ends at t = 1 s; then, as Python does at exit, runMain terminates the daemon (SIGTERM: it never
// prints its exit line) and waits for Worker 2, which ends at t = 3 s. `await start()` returns once
// the child runs, as Python's start() does, so a child's boot never eats the book's 1 s sleep.
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
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
