import { type Image, shape } from './image.js';

/** NumPy prints at most this many elements before it summarises (`threshold`). */
const THRESHOLD = 1000;
/** The items kept at each end of a summarised axis (`edgeitems`). */
const EDGE_ITEMS = 3;

/**
 * `str(array)` of NumPy for an image: `[[[199 136  86] ...`, summarised as NumPy does above 1000
 * elements (the first and last 3 items of each axis, `...` between; blocks of a 3-D array apart
 * by an empty line), every number right-aligned to the width of the widest one printed. NumPy's
 * wrapping of lines longer than 75 characters is left out: no line printed here is that long.
 */
export function numpyStr(im: Image): string {
  const dims = shape(im);
  const summarise = im.data.length > THRESHOLD;
  const strides = dims.map((_, axis) => dims.slice(axis + 1).reduce((a, b) => a * b, 1));

  /** The indices printed along an axis of this length; -1 marks the `...`. */
  const shown = (length: number): number[] =>
    summarise && length > 2 * EDGE_ITEMS
      ? [
          ...Array.from({ length: EDGE_ITEMS }, (_, i) => i),
          -1,
          ...Array.from({ length: EDGE_ITEMS }, (_, i) => length - EDGE_ITEMS + i),
        ]
      : Array.from({ length }, (_, i) => i);

  // The width comes from the printed elements only, as NumPy's does.
  let width = 1;
  const measure = (axis: number, offset: number): void => {
    for (const i of shown(dims[axis] as number)) {
      if (i < 0) continue;
      const at = offset + i * (strides[axis] as number);
      if (axis === dims.length - 1) width = Math.max(width, String(im.data[at]).length);
      else measure(axis + 1, at);
    }
  };
  measure(0, 0);

  const format = (axis: number, offset: number, indent: string): string => {
    const items = shown(dims[axis] as number);
    if (axis === dims.length - 1) {
      const words = items.map((i) =>
        i < 0 ? '...' : String(im.data[offset + i * (strides[axis] as number)]).padStart(width),
      );
      return `[${words.join(' ')}]`;
    }
    const separator = '\n'.repeat(dims.length - 1 - axis);
    const lines = items.map((i) =>
      i < 0 ? '...' : format(axis + 1, offset + i * (strides[axis] as number), `${indent} `),
    );
    return `[${lines.join(`${separator}${indent} `)}]`;
  };
  return format(0, 0, '');
}

/** `str(im[y, x])`: one pixel as NumPy prints it, `[199 136  86]`. */
export function numpyPixelStr(im: Image, y: number, x: number): string {
  const at = (y * im.cols + x) * im.channels;
  const values = Array.from(im.data.subarray(at, at + im.channels), String);
  const width = Math.max(...values.map((value) => value.length));
  return im.channels === 1
    ? (values[0] as string)
    : `[${values.map((v) => v.padStart(width)).join(' ')}]`;
}
