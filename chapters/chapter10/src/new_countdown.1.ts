// Mirrors Chapter10/new_countdown.1.py: example2 in the modern style, `asyncio.run(main())` with a
// main that gathers the three coroutines: no loop object, no tasks made by hand. The file keeps the
// book's name, `.1` included. Node needs no loop either: `run` awaits main.
import { isMain, print, runMain } from '@mc/core';
import { gather, run } from '@mc/core/asyncio';
import { clock, SEPARATOR } from './example1.js';
import { countDown } from './example2.js';

export async function main(start: number): Promise<void> {
  await gather(countDown('A', 1, start), countDown('B', 0.8, start), countDown('C', 0.5, start));
}

async function program(): Promise<void> {
  const start = clock();
  await run(main(start));
  print(SEPARATOR);
  print('Done.');
}

if (isMain(import.meta.url)) runMain(program, { options: {} });
