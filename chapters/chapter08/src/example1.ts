// Mirrors Chapter08/example1.py: an image is a rows x columns x 3 array of bytes, each pixel in
// B, G, R order, as cv2.imread gives it; print the array the way NumPy does, its shape and one
// pixel. No window opens (Node has none): the image is written to output/test.jpg and the line
// `Window 'Test': ...` names it (see paths.ts). The input is input/launch.jpg, not the book's ship
// photograph (see DATA.md).
import { isMain, print, runMain } from '@mc/core';
import { shape } from './image/image.js';
import { imread, imwrite } from './image/jpeg.js';
import { numpyPixelStr, numpyStr } from './image/numpy-str.js';
import { imshow, inputPath, outputPath } from './paths.js';

export async function main(): Promise<void> {
  const im = await imread(inputPath('launch.jpg'));
  const shown = outputPath('test.jpg');
  await imwrite(shown, im);
  imshow('Test', shown);

  print(numpyStr(im));
  // Python prints <class 'numpy.ndarray'>; the pixels here are a typed array inside an Image.
  print('Type:', 'Image (pixels in a Uint8Array)');
  print('Shape:', `(${shape(im).join(', ')})`);
  print('Top-left pixel:', numpyPixelStr(im, 0, 0));

  print('Done.');
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
