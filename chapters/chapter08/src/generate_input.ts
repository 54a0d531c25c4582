// Mirrors Chapter08/generate_input.py: cuts input/launch.jpg (1577 x 1118, the book's size) into a
// 20 x 20 grid of 78 x 55 tiles, input/large_input/launch_<i>_<j>.jpg, row band i, column band j:
// the 400 inputs of examples 5 and 6. The last 18 rows and 17 columns fall in no tile, as in the
// book. The folder is created first (and ignored by git).
//
// `--scale K` (not in the book) first enlarges the image K times, so each of the 400 tiles has
// K x K times the pixels: the larger workload that shows examples 5 and 6's speedup behind the
// start-up of their worker processes. Run it without the option to get the book's tiles back.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { isMain, numberOption, parseOptions, print, runMain, wholeNumber } from '@mc/core';
import { crop, enlarge } from './image/image.js';
import { imread, imwrite } from './image/jpeg.js';
import { INPUT_PATH, inputPath } from './paths.js';

export const n = 20;

const USAGE = 'usage: generate_input [--scale K], K from 1 to 8';

/** `--scale K`: how many times to enlarge the image before cutting it (1, the book's, when absent). */
export function parseScale(args: string[]): number {
  const { values } = parseOptions({ args, options: { scale: { type: 'string' } } }, USAGE);
  return numberOption('scale', values.scale, wholeNumber(1, 8), USAGE) ?? 1;
}

export async function main(args: string[] = process.argv.slice(2)): Promise<void> {
  const scale = parseScale(args);
  let im = await imread(inputPath('launch.jpg'));
  if (scale > 1) im = enlarge(im, scale);
  const h = im.rows;
  const w = im.cols;
  const hUnit = Math.floor(h / n);
  const wUnit = Math.floor(w / n);
  mkdirSync(INPUT_PATH, { recursive: true });

  for (let i = 0; i < n; i++) {
    // The book calls this offset start_x, but it is the row (vertical) one.
    const startX = hUnit * i;
    for (let j = 0; j < n; j++) {
      const startY = wUnit * j;
      await imwrite(
        join(INPUT_PATH, `launch_${i}_${j}.jpg`),
        crop(im, startX, startY, hUnit, wUnit),
      );
    }
  }

  print('Done.');
}

if (isMain(import.meta.url)) runMain(() => main());
