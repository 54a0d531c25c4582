// Mirrors Chapter06/example2.py: three processes, two named and one not, which is therefore called
// Process-3 (the counter counts every process object, named or not). Each child reads its own name
// with currentProcess().
import { isMain, print, runMain } from '@mc/core';
import { currentProcess, Process } from '@mc/core/multiprocessing';
import { sleep } from '@mc/core/time';

export async function f1(): Promise<void> {
  const pname = currentProcess().name;
  print(`Starting process ${pname}...`);
  await sleep(2);
  print(`Exiting process ${pname}...`);
}

export async function f2(): Promise<void> {
  const pname = currentProcess().name;
  print(`Starting process ${pname}...`);
  await sleep(4);
  print(`Exiting process ${pname}...`);
}

export async function main(): Promise<void> {
  const p1 = new Process({ name: 'Worker 1', target: f1 });
  const p2 = new Process({ name: 'Worker 2', target: f2 });
  const p3 = new Process({ target: f1 });

  p1.start();
  p2.start();
  p3.start();

  await p1.join();
  await p2.join();
  await p3.join();
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
