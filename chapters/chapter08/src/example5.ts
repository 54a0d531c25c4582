// Mirrors Chapter08/example5.py: the 400 tiles of generate_input, thresholded (gray, then the
// adaptive Gaussian threshold) by a pool of N worker processes, N = 1..6, timing each pool from its
// start to its end. The main process reads and decodes every tile, one after the other, and the
// pixel arrays travel to the workers with the tasks, as Python pickles them: here the IPC channel
// of core's Pool (real OS processes, `child_process.fork`) copies each 78 x 55 x 3 array, 5.1 MB a
// round. Each worker writes its results to output/large_output/.
//
// Node differs in what a round costs: a forked Node child must start an engine, import this
// module (0.07 s together) and warm up its code, where a forked Python child is a copy of the
// running interpreter. At the book's sizes a second worker's start costs about as much as the
// share of the work it takes; the README gives figures, and `generate_input --scale 3` makes
// tiles 9 times larger to show the speedup behind it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { isMain, print, runMain } from '@mc/core';
import { Pool } from '@mc/core/multiprocessing';
import { timer } from '@mc/core/timeit';
import {
  ADAPTIVE_THRESH_GAUSSIAN_C,
  type AdaptiveMethod,
  adaptiveThreshold,
} from './image/adaptive-threshold.js';
import { cvtColorBgr2Gray } from './image/gray.js';
import type { Image } from './image/image.js';
import { imread, imwrite } from './image/jpeg.js';
import { INPUT_PATH, OUTPUT_PATH } from './paths.js';

export const THRESH_METHOD = ADAPTIVE_THRESH_GAUSSIAN_C;

const n = 20;
/** launch_0_0.jpg, launch_0_1.jpg, ..., launch_19_19.jpg: row band i outer, column band j inner. */
export const names = Array.from(
  { length: n * n },
  (_, k) => `launch_${Math.floor(k / n)}_${k % n}.jpg`,
);

/** The arguments of one call, as starmap's tuple: the pixels, the output's name, the method. */
export type ThresholdTask = [im: Image, outputName: string, threshMethod: AdaptiveMethod];

/**
 * Runs in a pool worker: thresholds the pixels it was sent and writes the result. Python's
 * starmap spreads a tuple over the parameters; core's Pool has `map`, so the tuple is taken apart
 * here. Exported: a pool's function travels by name, and the workers import this module.
 */
export async function processThreshold([im, outputName, threshMethod]: ThresholdTask) {
  const grayIm = cvtColorBgr2Gray(im);
  const threshIm = adaptiveThreshold(grayIm, 255, threshMethod, 11, 2);

  await imwrite(join(OUTPUT_PATH, outputName), threshIm);
}

export async function main(): Promise<void> {
  mkdirSync(OUTPUT_PATH, { recursive: true });

  for (let nProcesses = 1; nProcesses <= 6; nProcesses++) {
    const start = timer();

    {
      await using p = new Pool(nProcesses, { module: import.meta.url });
      const tasks: ThresholdTask[] = [];
      for (const name of names) {
        tasks.push([await imread(join(INPUT_PATH, name)), name, THRESH_METHOD]);
      }
      await p.map(processThreshold, tasks);
    }

    print(`Took ${(timer() - start).toFixed(4)} seconds with ${nProcesses} process(es).`);
  }

  print('Done.');
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
