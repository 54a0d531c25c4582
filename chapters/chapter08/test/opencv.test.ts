// Our results against OpenCV's own, computed by Debian's python3-opencv when it is installed. The
// Python here is the tests' own (a few lines of cv2 calls), not the book's programs.
import { describe, expect, it } from 'vitest';
import {
  ADAPTIVE_THRESH_GAUSSIAN_C,
  ADAPTIVE_THRESH_MEAN_C,
  adaptiveThreshold,
} from '../src/image/adaptive-threshold.js';
import { CascadeClassifier } from '../src/image/face-detection.js';
import { cvtColorBgr2Gray } from '../src/image/gray.js';
import { encodeGrayJpeg } from '../src/image/gray-jpeg.js';
import type { Image } from '../src/image/image.js';
import { imread } from '../src/image/jpeg.js';
import { threshold } from '../src/image/threshold.js';

// Gray, the four thresholds, and the references M of the adaptive ones, as raw bytes in a row.
const OPENCV_RESULTS = `
import sys, cv2, numpy as np
if sys.argv[1] == '-':
    rows, cols = int(sys.argv[2]), int(sys.argv[3])
    im = np.frombuffer(sys.stdin.buffer.read(), np.uint8).reshape(rows, cols, 3)
else:
    im = cv2.imread(sys.argv[1])
g = cv2.cvtColor(im, cv2.COLOR_BGR2GRAY)
border = cv2.BORDER_REPLICATE | cv2.BORDER_ISOLATED
mean = cv2.boxFilter(g, -1, (11, 11), normalize=True, borderType=border)
blur = cv2.GaussianBlur(g.astype(np.float32), (11, 11), 0, borderType=border)
gauss = np.clip(np.rint(blur), 0, 255).astype(np.uint8)
out = [im, g, cv2.threshold(g, 127, 255, cv2.THRESH_BINARY)[1],
       cv2.adaptiveThreshold(g, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, 11, 2),
       cv2.adaptiveThreshold(g, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY, 11, 2),
       mean, gauss]
sys.stdout.buffer.write(b''.join(a.tobytes() for a in out))
`;

import { inputFile, iou, opencvPython, python } from './images.js';

interface Results {
  bgr: Uint8Array;
  gray: Uint8Array;
  global: Uint8Array;
  mean: Uint8Array;
  gauss: Uint8Array;
  meanM: Uint8Array;
  gaussM: Uint8Array;
}

function opencvResults(rows: number, cols: number, args: string[], input?: Uint8Array): Results {
  const bytes = python(OPENCV_RESULTS, args, input);
  const n = rows * cols;
  const parts = [3 * n, n, n, n, n, n, n];
  const arrays: Uint8Array[] = [];
  let at = 0;
  for (const size of parts) {
    arrays.push(new Uint8Array(bytes.subarray(at, at + size)));
    at += size;
  }
  expect(at).toBe(bytes.length);
  const [bgr, gray, global, mean, gauss, meanM, gaussM] = arrays as [Uint8Array, ...Uint8Array[]];
  return { bgr, gray, global, mean, gauss, meanM, gaussM } as Results;
}

function ours(im: Image) {
  const gray = cvtColorBgr2Gray(im);
  return {
    gray: gray.data,
    global: threshold(gray, 127, 255)[1].data,
    mean: adaptiveThreshold(gray, 255, ADAPTIVE_THRESH_MEAN_C, 11, 2).data,
    gauss: adaptiveThreshold(gray, 255, ADAPTIVE_THRESH_GAUSSIAN_C, 11, 2).data,
  };
}

/** Positions where two arrays differ. */
function differences(a: Uint8Array, b: Uint8Array): number[] {
  expect(a.length).toBe(b.length);
  const at: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) at.push(i);
  return at;
}

describe.skipIf(!opencvPython)('against OpenCV (python3-opencv)', () => {
  it('gives exactly its gray and thresholds on the same pixels (no decoder in between)', () => {
    const rows = 120;
    const cols = 160;
    let state = 11;
    const data = Uint8Array.from({ length: rows * cols * 3 }, (_, i) => {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      return Math.max(
        0,
        Math.min(255, 128 + Math.round(90 * Math.sin(i / 500)) + ((state >> 16) % 50) - 25),
      );
    });
    const theirs = opencvResults(rows, cols, ['-', String(rows), String(cols)], data);
    const mine = ours({ rows, cols, channels: 3, data });
    expect(differences(mine.gray, theirs.gray)).toEqual([]);
    expect(differences(mine.global, theirs.global)).toEqual([]);
    expect(differences(mine.mean, theirs.mean)).toEqual([]);
    // OpenCV blurs in 32-bit floats, summed in its own order: a reference exactly halfway between
    // two integers may round the other way. None did on these 19,200 pixels.
    expect(differences(mine.gauss, theirs.gauss).length).toBeLessThanOrEqual(2);
  });

  it('decodes the shipped photograph as OpenCV does, and thresholds it as OpenCV does', async () => {
    const im = await imread(inputFile('launch.jpg'));
    const theirs = opencvResults(im.rows, im.cols, [inputFile('launch.jpg')]);
    const mine = ours(im);
    const n = im.rows * im.cols;
    // Both decoders are libjpeg-turbo: 0 pixels differed here; a ±1 decoder noise would be allowed.
    expect(differences(im.data, theirs.bgr).length).toBeLessThanOrEqual(0.002 * 3 * n);
    const checks: [string, Uint8Array, Uint8Array, (i: number) => number][] = [
      ['global', mine.global, theirs.global, () => 127],
      ['mean', mine.mean, theirs.mean, (i) => (theirs.meanM[i] as number) - 2],
      ['gauss', mine.gauss, theirs.gauss, (i) => (theirs.gaussM[i] as number) - 2],
    ];
    for (const [name, a, b, thresholdAt] of checks) {
      const differing = differences(a, b);
      expect(differing.length, name).toBeLessThanOrEqual(0.002 * n);
      for (const i of differing) {
        expect(Math.abs((theirs.gray[i] as number) - thresholdAt(i)), name).toBeLessThanOrEqual(2);
      }
    }
  });

  it("writes a gray image's JPEG file byte for byte as cv2.imwrite does", async () => {
    const gray = cvtColorBgr2Gray(await imread(inputFile('launch.jpg')));
    // A tile-sized crop of the photograph (not a multiple of 8: padded blocks), its adaptive
    // threshold (the book's output), and the whole gray photograph.
    const tile = { rows: 55, cols: 78, channels: 1 as const, data: new Uint8Array(55 * 78) };
    for (let y = 0; y < 55; y++) {
      tile.data.set(
        gray.data.subarray((400 + y) * gray.cols + 700, (400 + y) * gray.cols + 778),
        y * 78,
      );
    }
    const images = [tile, adaptiveThreshold(tile, 255, ADAPTIVE_THRESH_GAUSSIAN_C, 11, 2), gray];
    for (const im of images) {
      for (const quality of [95, 50]) {
        const theirs = python(
          `import sys, cv2, numpy as np
rows, cols, quality = map(int, sys.argv[1:4])
im = np.frombuffer(sys.stdin.buffer.read(), np.uint8).reshape(rows, cols)
sys.stdout.buffer.write(cv2.imencode('.jpg', im, [cv2.IMWRITE_JPEG_QUALITY, quality])[1].tobytes())`,
          [String(im.rows), String(im.cols), String(quality)],
          im.data,
        );
        const mine = encodeGrayJpeg(im, quality);
        expect(
          Buffer.from(mine).equals(theirs),
          `${im.rows} x ${im.cols}, quality ${quality}`,
        ).toBe(true);
      }
    }
  });

  it('finds the faces OpenCV finds, where OpenCV finds them', async () => {
    const cascade = await CascadeClassifier.load(inputFile('haarcascade_frontalface_default.xml'));
    for (const file of ['astronaut.jpg', 'rocket.jpg']) {
      const theirs = JSON.parse(
        python(
          `import sys, json, cv2
c = cv2.CascadeClassifier(sys.argv[1])
print(json.dumps([list(map(int, b)) for b in c.detectMultiScale(cv2.imread(sys.argv[2]))]))`,
          [inputFile('haarcascade_frontalface_default.xml'), inputFile(file)],
        ).toString(),
      ) as number[][];
      const mine = cascade.detectMultiScale(await imread(inputFile(file)));
      expect(mine.length, file).toBe(theirs.length);
      for (const box of theirs) {
        expect(Math.max(...mine.map((m) => iou(m, box))), file).toBeGreaterThanOrEqual(0.5);
      }
    }
  });
});
