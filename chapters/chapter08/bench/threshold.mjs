// How long gray + the adaptive Gaussian threshold take for the 400 tiles in one thread, without
// reading or writing files: the compute examples 5 and 6 share out. Median of 11 rounds. After a
// build and generate_input:
//
//   node chapters/chapter08/bench/threshold.mjs
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ADAPTIVE_THRESH_GAUSSIAN_C, adaptiveThreshold } from '../dist/image/adaptive-threshold.js';
import { cvtColorBgr2Gray } from '../dist/image/gray.js';
import { encode, imread } from '../dist/image/jpeg.js';

const folder = new URL('../input/large_input/', import.meta.url).pathname;
const tiles = [];
for (const name of readdirSync(folder)) tiles.push(await imread(join(folder, name)));

function median(rounds, work) {
  const times = [];
  for (let r = 0; r < rounds; r++) {
    const started = performance.now();
    work();
    times.push((performance.now() - started) / 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(rounds / 2)];
}

const threshold = median(11, () => {
  for (const tile of tiles)
    adaptiveThreshold(cvtColorBgr2Gray(tile), 255, ADAPTIVE_THRESH_GAUSSIAN_C, 11, 2);
});
const started = performance.now();
for (const tile of tiles)
  await encode(adaptiveThreshold(cvtColorBgr2Gray(tile), 255, ADAPTIVE_THRESH_GAUSSIAN_C, 11, 2));
const withEncoding = (performance.now() - started) / 1000;
console.log(
  `${tiles.length} tiles: gray + adaptive Gaussian threshold ${threshold.toFixed(3)} s (median of 11); with JPEG encoding ${withEncoding.toFixed(3)} s`,
);
