// Mirrors Chapter08/example7.py: Haar-cascade face detection (OpenCV's own, in WebAssembly: see
// image/face-detection.ts) on two photographs, a green 2-pixel box drawn around each face. The
// book's photographs are not redistributable; these are public domain (see DATA.md), in the book's
// order: SpaceX's photograph of a Falcon 9 launch (no face; for obama1.jpeg), then NASA's portrait
// of the astronaut Eileen Collins (one face; for obama2.jpg). The book shows each result in a
// window titled '<count> face(s) found' and has its cv2.imwrite('output/' + filename, im)
// commented out: here that write is on, and the line `Window '<count> face(s) found':
// output/<file>` names the file.
import { isMain, print, runMain } from '@mc/core';
import { CascadeClassifier, rectangle } from './image/face-detection.js';
import { cvtColorBgr2Gray } from './image/gray.js';
import { imread, imwrite } from './image/jpeg.js';
import { imshow, inputPath, outputPath } from './paths.js';

/** The book's ['obama1.jpeg', 'obama2.jpg'], in the book's order: see DATA.md for the mapping. */
export const FILENAMES = ['rocket.jpg', 'astronaut.jpg'];

export async function main(): Promise<void> {
  const faceCascade = await CascadeClassifier.load(
    inputPath('haarcascade_frontalface_default.xml'),
  );

  for (const filename of FILENAMES) {
    let im = await imread(inputPath(filename));
    // Computed and not used, as in the book: detectMultiScale turns the colour image gray itself.
    const _grayIm = cvtColorBgr2Gray(im);
    const faces = faceCascade.detectMultiScale(im);

    for (const [x, y, w, h] of faces) {
      im = await rectangle(im, [x, y], [x + w, y + h], [0, 255, 0], 2);
    }

    const written = outputPath(filename);
    await imwrite(written, im);
    imshow(`${faces.length} face(s) found`, written);
  }

  print('Done.');
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
