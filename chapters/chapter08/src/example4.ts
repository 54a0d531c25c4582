// Mirrors Chapter08/example4.py: adaptive thresholds, each pixel against the mean (then the
// Gaussian-weighted mean) of its 11 x 11 block minus 2; writes output/mean_thresh_launch.jpg and
// output/gauss_thresh_launch.jpg.
import { isMain, print, runMain } from '@mc/core';
import {
  ADAPTIVE_THRESH_GAUSSIAN_C,
  ADAPTIVE_THRESH_MEAN_C,
  adaptiveThreshold,
} from './image/adaptive-threshold.js';
import { cvtColorBgr2Gray } from './image/gray.js';
import { imread, imwrite } from './image/jpeg.js';
import { inputPath, outputPath } from './paths.js';

export async function main(): Promise<void> {
  let im = await imread(inputPath('launch.jpg'));
  im = cvtColorBgr2Gray(im);

  const meanThreshIm = adaptiveThreshold(im, 255, ADAPTIVE_THRESH_MEAN_C, 11, 2);
  await imwrite(outputPath('mean_thresh_launch.jpg'), meanThreshIm);

  const gaussThreshIm = adaptiveThreshold(im, 255, ADAPTIVE_THRESH_GAUSSIAN_C, 11, 2);
  await imwrite(outputPath('gauss_thresh_launch.jpg'), gaussThreshIm);

  print('Done.');
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
