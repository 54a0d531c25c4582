// Haar-cascade face detection and box drawing with OpenCV itself, compiled to WebAssembly
// (@techstark/opencv-js, OpenCV 4.5): the same detector and drawing code as the book's cv2. It has
// no file codecs: the images come from jpeg.ts, in B, G, R order, exactly what cv2 works on.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Image } from './image.js';

/** A detected face, as detectMultiScale gives it: (x, y, w, h). */
export type Box = [x: number, y: number, w: number, h: number];

/** The part of opencv.js used here. */
interface Mat {
  data: Uint8Array;
  delete(): void;
}
interface RectVector {
  size(): number;
  get(i: number): { x: number; y: number; width: number; height: number };
  delete(): void;
}
interface Classifier {
  load(path: string): boolean;
  detectMultiScale(image: Mat, objects: RectVector): void;
}
interface OpenCv {
  CV_8UC3: number;
  Mat: new () => Mat;
  RectVector: new () => RectVector;
  CascadeClassifier: new () => Classifier;
  matFromArray(rows: number, cols: number, type: number, data: Uint8Array): Mat;
  rectangle(
    image: Mat,
    from: { x: number; y: number },
    to: { x: number; y: number },
    color: number[],
    thickness: number,
  ): void;
  FS_createDataFile(
    parent: string,
    name: string,
    data: Uint8Array,
    read: boolean,
    write: boolean,
    own: boolean,
  ): void;
  onRuntimeInitialized?: () => void;
}

let loaded: Promise<{ cv: OpenCv }> | undefined;

/**
 * opencv.js, loaded once per process (about 0.5 s). Its module object has a `then` method, so a
 * promise must never resolve to it (nor `await import()` load it): that waits for ever. It is
 * required, and handed on wrapped, once its runtime has started.
 */
function openCv(): Promise<{ cv: OpenCv }> {
  loaded ??= new Promise((resolve) => {
    const cv = createRequire(import.meta.url)('@techstark/opencv-js') as OpenCv;
    cv.onRuntimeInitialized = () => resolve({ cv });
  });
  return loaded;
}

let cascades = 0;

/**
 * `cv2.CascadeClassifier(path)`: loads a cascade XML (written into opencv.js's in-memory file
 * system first, the only place it reads from).
 */
export class CascadeClassifier {
  readonly #cv: OpenCv;
  /** OpenCV's classifier, kept for the life of the process (as cv2's object would be). */
  readonly #classifier: Classifier;

  private constructor(cv: OpenCv, classifier: Classifier) {
    this.#cv = cv;
    this.#classifier = classifier;
  }

  /** @throws Error when OpenCV cannot read the file as a cascade. */
  static async load(path: string): Promise<CascadeClassifier> {
    const { cv } = await openCv();
    cascades += 1;
    const name = `cascade-${cascades}.xml`;
    cv.FS_createDataFile('/', name, readFileSync(path), true, false, false);
    const classifier = new cv.CascadeClassifier();
    if (!classifier.load(name)) throw new Error(`cannot load the cascade ${path}`);
    return new CascadeClassifier(cv, classifier);
  }

  /**
   * `detectMultiScale(im)` with OpenCV's defaults (scale 1.1, 3 neighbours, no size limits) on a
   * colour image in B, G, R order, which OpenCV turns gray itself.
   */
  detectMultiScale(im: Image): Box[] {
    const cv = this.#cv;
    const mat = toMat(cv, im);
    const found = new cv.RectVector();
    try {
      this.#classifier.detectMultiScale(mat, found);
      return Array.from({ length: found.size() }, (_, i) => {
        const { x, y, width, height } = found.get(i);
        return [x, y, width, height] as Box;
      });
    } finally {
      found.delete();
      mat.delete();
    }
  }
}

function toMat(cv: OpenCv, im: Image): Mat {
  if (im.channels !== 3) throw new TypeError('a colour image, please');
  return cv.matFromArray(im.rows, im.cols, cv.CV_8UC3, im.data);
}

/**
 * `cv2.rectangle(im, (x, y), (x + w, y + h), color, thickness)`, drawn by OpenCV into a copy of
 * the image (color in B, G, R order).
 */
export async function rectangle(
  im: Image,
  from: [number, number],
  to: [number, number],
  color: [number, number, number],
  thickness: number,
): Promise<Image> {
  const { cv } = await openCv();
  const mat = toMat(cv, im);
  try {
    cv.rectangle(mat, { x: from[0], y: from[1] }, { x: to[0], y: to[1] }, [...color, 0], thickness);
    return { ...im, data: Uint8Array.from(mat.data) };
  } finally {
    mat.delete();
  }
}
