import { grayImage, type Image } from './image.js';

/** `cv2.ADAPTIVE_THRESH_MEAN_C`: the reference is the plain mean of the block. */
export const ADAPTIVE_THRESH_MEAN_C = 0;
/** `cv2.ADAPTIVE_THRESH_GAUSSIAN_C`: the reference is a Gaussian-weighted mean of the block. */
export const ADAPTIVE_THRESH_GAUSSIAN_C = 1;
export type AdaptiveMethod = typeof ADAPTIVE_THRESH_MEAN_C | typeof ADAPTIVE_THRESH_GAUSSIAN_C;

/**
 * `cv2.adaptiveThreshold(gray, maxValue, method, cv2.THRESH_BINARY, blockSize, C)` with OpenCV's
 * semantics: each pixel's reference M is the mean (box filter) or the Gaussian-weighted mean
 * (OpenCV's kernel for `blockSize`, sigma 0.3 ((blockSize - 1) / 2 - 1) + 0.8) of its
 * blockSize x blockSize neighbourhood, the edge pixels repeated outside the image, rounded to an
 * integer; the output is `maxValue` where pixel > M - C, else 0. Separable passes over typed
 * arrays: a 78 x 55 tile takes about 0.1 ms.
 */
export function adaptiveThreshold(
  gray: Image,
  maxValue: number,
  method: AdaptiveMethod,
  blockSize: number,
  C: number,
): Image {
  if (gray.channels !== 1) throw new TypeError('adaptiveThreshold() takes a gray image');
  if (blockSize % 2 !== 1 || blockSize < 3) {
    throw new RangeError(`blockSize must be odd and at least 3, got ${blockSize}`);
  }
  const mean =
    method === ADAPTIVE_THRESH_MEAN_C
      ? boxMean(gray, blockSize)
      : gaussianMean(gray, gaussianKernel(blockSize));
  // OpenCV: out = maxValue where src - mean > -ceil(C).
  const delta = -Math.ceil(C);
  const out = grayImage(gray.rows, gray.cols);
  const src = gray.data;
  const dst = out.data;
  for (let i = 0; i < src.length; i++) {
    dst[i] = (src[i] as number) - (mean[i] as number) > delta ? maxValue : 0;
  }
  return out;
}

const clamp = (value: number, last: number) => Math.min(Math.max(value, 0), last);

/** The rounded mean of each pixel's size x size block, edges replicated (cv2.boxFilter). */
function boxMean({ rows, cols, data }: Image, size: number): Uint8Array {
  const r = size >> 1;
  const horizontal = new Int32Array(rows * cols);
  for (let y = 0; y < rows; y++) {
    const row = y * cols;
    let sum = 0;
    for (let d = -r; d <= r; d++) sum += data[row + clamp(d, cols - 1)] as number;
    horizontal[row] = sum;
    for (let x = 1; x < cols; x++) {
      sum +=
        (data[row + clamp(x + r, cols - 1)] as number) -
        (data[row + clamp(x - r - 1, cols - 1)] as number);
      horizontal[row + x] = sum;
    }
  }
  const area = size * size;
  const mean = new Uint8Array(rows * cols);
  const sums = new Int32Array(cols);
  for (let d = -r; d <= r; d++) {
    const row = clamp(d, rows - 1) * cols;
    for (let x = 0; x < cols; x++) sums[x] = (sums[x] as number) + (horizontal[row + x] as number);
  }
  for (let y = 0; y < rows; y++) {
    const out = y * cols;
    const enter = clamp(y + r + 1, rows - 1) * cols;
    const leave = clamp(y - r, rows - 1) * cols;
    for (let x = 0; x < cols; x++) {
      const sum = sums[x] as number;
      // An odd area never gives a tie: this is OpenCV's rounding (checked against it for 11 x 11).
      mean[out + x] = Math.round(sum / area);
      sums[x] = sum + (horizontal[enter + x] as number) - (horizontal[leave + x] as number);
    }
  }
  return mean;
}

/**
 * The 1-D Gaussian kernel OpenCV uses for `size` taps and sigma 0 (`getGaussianKernel`): sigma
 * 0.15 size + 0.35, weights normalised to sum 1, stored as 32-bit floats, as OpenCV's float path
 * (which adaptiveThreshold takes) stores them.
 */
export function gaussianKernel(size: number): Float64Array {
  const sigma = size * 0.15 + 0.35;
  const scale2X = -0.125 / (sigma * sigma);
  const half = (size - 1) / 2;
  const values = new Float64Array(size);
  let sum = 1;
  // x runs over doubled offsets from the centre: 1 - size, 3 - size, ..., -2.
  for (let i = 0, x = 1 - size; i < half; i++, x += 2) {
    const t = Math.exp(x * x * scale2X);
    values[i] = t;
    sum += 2 * t;
  }
  const kernel = new Float64Array(size);
  for (let i = 0; i < half; i++) {
    const weight = Math.fround((values[i] as number) / sum);
    kernel[i] = weight;
    kernel[size - 1 - i] = weight;
  }
  kernel[half] = Math.fround(1 / sum);
  return kernel;
}

/**
 * Rounds to the nearest integer, ties to even (cvRound), saturated to 0..255. Without a branch:
 * a branch taken only at a tie (rare) had no type feedback, and each tie threw the optimised
 * gaussianMean away (13 deoptimisations in a worker's first 400 tiles).
 */
function roundToByte(value: number): number {
  const rounded = Math.round(value);
  const tieToOdd = Number(rounded - value === 0.5) & rounded;
  return Math.min(Math.max(rounded - (tieToOdd & 1), 0), 255);
}

/**
 * Each pixel's Gaussian-weighted mean, rounded (cv2.GaussianBlur on floats, then to 8 bits). The
 * two passes are functions of their own: V8 optimises a long first loop while it runs, and in one
 * function that code was thrown away at the second pass, in every new worker.
 */
function gaussianMean(im: Image, kernel: Float64Array): Uint8Array {
  return verticalPass(horizontalPass(im, kernel), im.rows, im.cols, kernel);
}

/** The kernel along each row, edges replicated. */
function horizontalPass({ rows, cols, data }: Image, kernel: Float64Array): Float64Array {
  const size = kernel.length;
  const r = size >> 1;
  const horizontal = new Float64Array(rows * cols);
  const padded = new Float64Array(cols + 2 * r);
  for (let y = 0; y < rows; y++) {
    const row = y * cols;
    for (let x = -r; x < cols + r; x++) padded[x + r] = data[row + clamp(x, cols - 1)] as number;
    for (let x = 0; x < cols; x++) {
      let sum = 0;
      for (let k = 0; k < size; k++) sum += (kernel[k] as number) * (padded[x + k] as number);
      horizontal[row + x] = sum;
    }
  }
  return horizontal;
}

/** The kernel down each column of the horizontal pass's result, edges replicated, rounded. */
function verticalPass(
  horizontal: Float64Array,
  rows: number,
  cols: number,
  kernel: Float64Array,
): Uint8Array {
  const size = kernel.length;
  const r = size >> 1;
  const mean = new Uint8Array(rows * cols);
  const sums = new Float64Array(cols);
  for (let y = 0; y < rows; y++) {
    sums.fill(0);
    for (let k = 0; k < size; k++) {
      const row = clamp(y + k - r, rows - 1) * cols;
      const weight = kernel[k] as number;
      for (let x = 0; x < cols; x++) {
        sums[x] = (sums[x] as number) + weight * (horizontal[row + x] as number);
      }
    }
    const out = y * cols;
    for (let x = 0; x < cols; x++) mean[out + x] = roundToByte(sums[x] as number);
  }
  return mean;
}
