/**
 * An 8-bit image as OpenCV's Python binding holds it: a NumPy array of shape (rows, cols) for gray
 * or (rows, cols, 3) for colour, row-major, the three channels of a pixel in B, G, R order.
 */
export interface Image {
  readonly rows: number;
  readonly cols: number;
  readonly channels: 1 | 3;
  readonly data: Uint8Array;
}

/** `im.shape`: (rows, cols) for gray, (rows, cols, channels) for colour. */
export function shape(im: Image): number[] {
  return im.channels === 1 ? [im.rows, im.cols] : [im.rows, im.cols, im.channels];
}

/** A new gray image of that size, every pixel 0. */
export function grayImage(rows: number, cols: number): Image {
  return { rows, cols, channels: 1, data: new Uint8Array(rows * cols) };
}

/** `im[top:top+rows, left:left+cols]`, copied: the slicing of generate_input.py. */
export function crop(im: Image, top: number, left: number, rows: number, cols: number): Image {
  const { channels } = im;
  const data = new Uint8Array(rows * cols * channels);
  for (let y = 0; y < rows; y++) {
    const from = ((top + y) * im.cols + left) * channels;
    data.set(im.data.subarray(from, from + cols * channels), y * cols * channels);
  }
  return { rows, cols, channels, data };
}

/** The image `factor` times wider and higher, each pixel repeated (nearest neighbour). */
export function enlarge(im: Image, factor: number): Image {
  const { channels } = im;
  const rows = im.rows * factor;
  const cols = im.cols * factor;
  const data = new Uint8Array(rows * cols * channels);
  for (let y = 0; y < rows; y++) {
    const from = Math.floor(y / factor) * im.cols;
    for (let x = 0; x < cols; x++) {
      const src = (from + Math.floor(x / factor)) * channels;
      const dst = (y * cols + x) * channels;
      for (let c = 0; c < channels; c++) data[dst + c] = im.data[src + c] as number;
    }
  }
  return { rows, cols, channels, data };
}
