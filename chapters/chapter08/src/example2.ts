// Mirrors Chapter08/example2.py: colour to gray, OpenCV's formula (see image/gray.ts); print the
// 2-D array as NumPy does and its shape; write output/gray_launch.jpg. The book shows the gray
// image in a window titled 'Grayscale': here the line `Window 'Grayscale': ...` names the file
// written, which holds that image (so it is written before the array is printed).
import { isMain, print, runMain } from '@mc/core';
import { cvtColorBgr2Gray } from './image/gray.js';
import { shape } from './image/image.js';
import { imread, imwrite } from './image/jpeg.js';
import { numpyStr } from './image/numpy-str.js';
import { imshow, inputPath, outputPath } from './paths.js';

export async function main(): Promise<void> {
  const im = await imread(inputPath('launch.jpg'));
  const grayIm = cvtColorBgr2Gray(im);

  const written = outputPath('gray_launch.jpg');
  await imwrite(written, grayIm);
  imshow('Grayscale', written);

  print(numpyStr(grayIm));
  print('Type:', 'Image (pixels in a Uint8Array)');
  print('Shape:', `(${shape(grayIm).join(', ')})`);

  print('Done.');
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
