// Mirrors Chapter08/example6.py: example5's experiment, but the tasks carry only the tiles' names;
// each worker process reads and decodes its own tiles, so no pixel crosses the process boundary
// and the reading happens in parallel too. Same Node caveat as example5: a worker process's
// start-up is of the order of the whole workload at the book's sizes (see the README).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { isMain, print, runMain } from '@mc/core';
import { Pool } from '@mc/core/multiprocessing';
import { timer } from '@mc/core/timeit';
import { names, THRESH_METHOD } from './example5.js';
import { adaptiveThreshold } from './image/adaptive-threshold.js';
import { cvtColorBgr2Gray } from './image/gray.js';
import { imread, imwrite } from './image/jpeg.js';
import { INPUT_PATH, OUTPUT_PATH } from './paths.js';

/**
 * Runs in a pool worker: reads the tile of that name, thresholds it, writes the result. Python
 * binds the method with `functools.partial`; a pool's function travels by name here, so this one
 * uses THRESH_METHOD itself.
 */
export async function processThreshold(name: string) {
  const im = await imread(join(INPUT_PATH, name));
  const grayIm = cvtColorBgr2Gray(im);
  const threshIm = adaptiveThreshold(grayIm, 255, THRESH_METHOD, 11, 2);

  await imwrite(join(OUTPUT_PATH, name), threshIm);
}

export async function main(): Promise<void> {
  mkdirSync(OUTPUT_PATH, { recursive: true });

  for (let nProcesses = 1; nProcesses <= 6; nProcesses++) {
    const start = timer();

    {
      await using p = new Pool(nProcesses, { module: import.meta.url });
      await p.map(processThreshold, names);
    }

    print(`Took ${(timer() - start).toFixed(4)} seconds with ${nProcesses} process(es).`);
  }

  print('Done.');
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
