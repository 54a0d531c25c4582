// Mirrors Chapter06/example3.py: the main program and its child each print their parent's pid and
// their own. The child's parent is the main program. Node always has process.ppid, so the book's
// "if the platform can report it" branch is always taken.
import { isMain, print, runMain } from '@mc/core';
import { currentProcess, Process } from '@mc/core/multiprocessing';
import { sleep } from '@mc/core/time';

export function printInfo(title: string): void {
  print(title);

  print(`Parent process ID: ${process.ppid}.`);

  print(`Current Process ID: ${process.pid}.\n`);
}

export async function f(): Promise<void> {
  printInfo('Function f');

  const pname = currentProcess().name;
  print(`Starting process ${pname}...`);
  await sleep(1);
  print(`Exiting process ${pname}...`);
}

export async function main(): Promise<void> {
  printInfo('Main program');

  const p = new Process({ target: f });
  p.start();
  await p.join();

  print('Done.');
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
