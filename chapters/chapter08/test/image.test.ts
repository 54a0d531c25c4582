import { describe, expect, it } from 'vitest';
import {
  ADAPTIVE_THRESH_GAUSSIAN_C,
  ADAPTIVE_THRESH_MEAN_C,
  type AdaptiveMethod,
  adaptiveThreshold,
  gaussianKernel,
} from '../src/image/adaptive-threshold.js';
import { cvtColorBgr2Gray } from '../src/image/gray.js';
import { encodeGrayJpeg } from '../src/image/gray-jpeg.js';
import { crop, enlarge, type Image } from '../src/image/image.js';
import { decode } from '../src/image/jpeg.js';
import { numpyPixelStr, numpyStr } from '../src/image/numpy-str.js';
import { threshold } from '../src/image/threshold.js';

/** A seeded pseudo-random image (smooth enough to have regions, noisy enough to have edges). */
function randomImage(rows: number, cols: number, channels: 1 | 3, seed: number): Image {
  let state = seed;
  const data = new Uint8Array(rows * cols * channels);
  for (let i = 0; i < data.length; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    const base = 128 + 100 * Math.sin((i / channels / cols) * 0.3 + ((i / channels) % cols) * 0.2);
    data[i] = Math.max(0, Math.min(255, Math.round(base + ((state >> 16) % 60) - 30)));
  }
  return { rows, cols, channels, data };
}

/**
 * The adaptive threshold computed the slow, obvious way, to check the fast one against: every
 * pixel's whole block summed directly, edge pixels repeated, the 2-D Gaussian weight the product
 * of exp(-d^2 / 2 sigma^2) terms normalised to 1.
 */
function referenceAdaptive(gray: Image, method: AdaptiveMethod, block: number, C: number) {
  const { rows, cols, data } = gray;
  const r = (block - 1) / 2;
  const sigma = 0.3 * ((block - 1) * 0.5 - 1) + 0.8;
  const raw = Array.from({ length: block }, (_, i) => Math.exp(-((i - r) ** 2) / (2 * sigma ** 2)));
  const total = raw.reduce((a, b) => a + b, 0);
  const weight = raw.map((v) => v / total);
  const at = (y: number, x: number) =>
    data[Math.min(rows - 1, Math.max(0, y)) * cols + Math.min(cols - 1, Math.max(0, x))] as number;
  const out = new Uint8Array(rows * cols);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      let sum = 0;
      for (let dy = -r; dy <= r; dy++) {
        for (let dx = -r; dx <= r; dx++) {
          const w =
            method === ADAPTIVE_THRESH_MEAN_C
              ? 1 / (block * block)
              : (weight[dy + r] as number) * (weight[dx + r] as number);
          sum += w * at(y + dy, x + dx);
        }
      }
      out[y * cols + x] = at(y, x) > Math.round(sum) - C ? 255 : 0;
    }
  }
  return out;
}

describe('cvtColorBgr2Gray', () => {
  it("gives OpenCV's values, B, G, R in that order", () => {
    const pixels = [
      [199, 136, 86, 128], // the book's ship, top-left pixel (B, G, R)
      [255, 255, 255, 255],
      [0, 0, 255, 76], // pure red
      [255, 0, 0, 29], // pure blue
      [0, 255, 0, 150], // pure green
      [0, 0, 0, 0],
    ];
    const im: Image = {
      rows: 1,
      cols: pixels.length,
      channels: 3,
      data: Uint8Array.from(pixels.flatMap((p) => p.slice(0, 3))),
    };
    expect([...cvtColorBgr2Gray(im).data]).toEqual(pixels.map((p) => p[3]));
  });

  it('rounds 0.299 R + 0.587 G + 0.114 B in 15-bit fixed point, for every random pixel', () => {
    const im = randomImage(50, 60, 3, 7);
    const gray = cvtColorBgr2Gray(im);
    for (let i = 0; i < gray.data.length; i++) {
      const [b, g, r] = [im.data[3 * i], im.data[3 * i + 1], im.data[3 * i + 2]] as number[];
      expect(gray.data[i]).toBe(
        Math.floor(
          ((r as number) * 9798 + (g as number) * 19235 + (b as number) * 3735) / 32768 + 0.5,
        ),
      );
    }
  });
});

describe('threshold', () => {
  it('makes white only what is strictly above the threshold, and returns the threshold', () => {
    const gray: Image = {
      rows: 1,
      cols: 4,
      channels: 1,
      data: Uint8Array.from([0, 127, 128, 255]),
    };
    const [ret, out] = threshold(gray, 127, 255);
    expect(ret).toBe(127);
    expect([...out.data]).toEqual([0, 0, 255, 255]);
  });
});

describe('adaptiveThreshold', () => {
  for (const [name, method] of [
    ['mean', ADAPTIVE_THRESH_MEAN_C],
    ['Gaussian', ADAPTIVE_THRESH_GAUSSIAN_C],
  ] as const) {
    it(`${name}: equals the slow reference pixel for pixel, tiles and odd shapes included`, () => {
      for (const [rows, cols, seed] of [
        [55, 78, 1],
        [31, 17, 2],
        [4, 9, 3], // smaller than the block: the border is most of it
        [1, 40, 4],
      ] as const) {
        const gray = randomImage(rows, cols, 1, seed);
        const fast = adaptiveThreshold(gray, 255, method, 11, 2);
        expect(
          Buffer.from(fast.data).equals(Buffer.from(referenceAdaptive(gray, method, 11, 2))),
        ).toBe(true);
      }
    });

    it(`${name}: a flat image is all white; a pixel 10 levels darker than its flat surroundings is the only black`, () => {
      const flat: Image = { rows: 20, cols: 20, channels: 1, data: new Uint8Array(400).fill(90) };
      expect(adaptiveThreshold(flat, 255, method, 11, 2).data.every((v) => v === 255)).toBe(true);
      const dark = { ...flat, data: flat.data.slice() };
      dark.data[10 * 20 + 7] = 80;
      const out = adaptiveThreshold(dark, 255, method, 11, 2).data;
      expect(out[10 * 20 + 7]).toBe(0);
      expect(out.filter((v) => v === 0)).toHaveLength(1);
    });
  }

  it('weights the Gaussian with sigma 2 for a block of 11: 11 weights summing to 1, the centre 0.2006', () => {
    const kernel = gaussianKernel(11);
    expect(kernel).toHaveLength(11);
    expect(kernel.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(kernel[5]).toBeCloseTo(0.2006, 4);
    expect((kernel[4] as number) / (kernel[5] as number)).toBeCloseTo(Math.exp(-1 / 8), 6);
  });

  it('thresholds the 400 tiles of the book in one thread well under 0.2 s', () => {
    // Not a timing assertion: it fails only if the per-pixel work is orders of magnitude off.
    const tile = randomImage(55, 78, 3, 9);
    const started = performance.now();
    for (let i = 0; i < 400; i++) {
      adaptiveThreshold(cvtColorBgr2Gray(tile), 255, ADAPTIVE_THRESH_GAUSSIAN_C, 11, 2);
    }
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('crop and enlarge', () => {
  it("crops rows and columns as NumPy's im[top:top+h, left:left+w] does", () => {
    const im = randomImage(10, 12, 3, 5);
    const part = crop(im, 3, 5, 2, 4);
    expect(part).toMatchObject({ rows: 2, cols: 4, channels: 3 });
    expect([...part.data.subarray(0, 3)]).toEqual([
      ...im.data.subarray((3 * 12 + 5) * 3, (3 * 12 + 5) * 3 + 3),
    ]);
    expect([...part.data.subarray(-3)]).toEqual([
      ...im.data.subarray((4 * 12 + 8) * 3, (4 * 12 + 8) * 3 + 3),
    ]);
  });

  it('enlarges by repeating each pixel K x K times', () => {
    const im: Image = { rows: 1, cols: 2, channels: 1, data: Uint8Array.from([1, 2]) };
    expect(enlarge(im, 2)).toEqual({
      rows: 2,
      cols: 4,
      channels: 1,
      data: Uint8Array.from([1, 1, 2, 2, 1, 1, 2, 2]),
    });
  });
});

describe('numpyStr', () => {
  it('prints a small array whole, aligned, as NumPy does', () => {
    const im: Image = {
      rows: 2,
      cols: 3,
      channels: 1,
      data: Uint8Array.from([5, 20, 255, 3, 4, 5]),
    };
    expect(numpyStr(im)).toBe('[[  5  20 255]\n [  3   4   5]]');
  });

  it('summarises an array of more than 1000 elements to its first and last three items per axis', () => {
    const data = Uint8Array.from({ length: 40 * 30 }, (_, i) => (i * 7) % 256);
    // What NumPy 1.24 prints for ((np.arange(1200) * 7) % 256).astype(np.uint8).reshape(40, 30).
    expect(numpyStr({ rows: 40, cols: 30, channels: 1, data })).toBe(
      [
        '[[  0   7  14 ... 189 196 203]',
        ' [210 217 224 ... 143 150 157]',
        ' [164 171 178 ...  97 104 111]',
        ' ...',
        ' [ 90  97 104 ...  23  30  37]',
        ' [ 44  51  58 ... 233 240 247]',
        ' [254   5  12 ... 187 194 201]]',
      ].join('\n'),
    );
  });

  it('separates the blocks of a 3-D array by an empty line, each pixel in full', () => {
    const im = randomImage(20, 20, 3, 3);
    const lines = numpyStr(im).split('\n');
    expect(lines[0]).toMatch(/^\[\[\[ *\d+ +\d+ +\d+\]$/);
    expect(lines.filter((line) => line === ' ...')).toHaveLength(1);
    expect(lines.filter((line) => line === '  ...')).toHaveLength(6);
    expect(lines.filter((line) => line === '')).toHaveLength(6);
    expect(lines).toHaveLength(6 * 7 + 1 + 6);
    expect(lines.at(-1)).toMatch(/\]\]\]$/);
    expect(
      numpyPixelStr({ rows: 1, cols: 1, channels: 3, data: Uint8Array.from([199, 136, 86]) }, 0, 0),
    ).toBe('[199 136  86]');
  });
});

describe('encodeGrayJpeg', () => {
  it('writes a baseline one-component JPEG that libjpeg-turbo decodes to within JPEG noise', async () => {
    for (const [rows, cols, seed] of [
      [55, 78, 1],
      [37, 61, 2], // not a multiple of 8: the last blocks are padded
      [1, 1, 3],
    ] as const) {
      const im = randomImage(rows, cols, 1, seed);
      const bytes = encodeGrayJpeg(im, 95);
      expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xd8]);
      expect([...bytes.subarray(-2)]).toEqual([0xff, 0xd9]);
      const decoded = await decode(bytes);
      expect([decoded.rows, decoded.cols]).toEqual([rows, cols]);
      let error = 0;
      for (let i = 0; i < rows * cols; i++) {
        error += Math.abs((decoded.data[3 * i] as number) - (im.data[i] as number));
      }
      expect(error / (rows * cols)).toBeLessThan(2);
    }
  });
});
