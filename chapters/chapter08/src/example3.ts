// Mirrors Chapter08/example3.py: a global binary threshold, white where the gray value is
// strictly above 127; writes output/custom_thresh_launch.jpg.
import { isMain, print, runMain } from '@mc/core';
import { cvtColorBgr2Gray } from './image/gray.js';
import { imread, imwrite } from './image/jpeg.js';
import { threshold } from './image/threshold.js';
import { inputPath, outputPath } from './paths.js';

export async function main(): Promise<void> {
  const im = await imread(inputPath('launch.jpg'));
  const grayIm = cvtColorBgr2Gray(im);

  const [_ret, customThreshIm] = threshold(grayIm, 127, 255);
  await imwrite(outputPath('custom_thresh_launch.jpg'), customThreshIm);

  print('Done.');
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
