// JPEG files in and out. Decoding: libjpeg-turbo's decoder compiled to WebAssembly
// (@jsquash/jpeg), the decoder OpenCV's imread uses on Debian, so the pixels are the very ones
// cv2.imread gives (checked on the shipped images: all equal). Encoding: gray images with this
// chapter's baseline encoder (gray-jpeg.ts), colour ones with mozjpeg (@jsquash/jpeg).
//
// Files are read and written synchronously, as cv2.imread and cv2.imwrite do: in a pool worker,
// which has nothing else to do meanwhile, the four thread-pool round trips of fs/promises'
// readFile (three for writeFile) cost more than the tile's work (400 writes: 0.08 s against 0.03).
// A codec's JavaScript is imported when first used: a pool worker that only encodes gray tiles
// (example5's) never loads either.
import { readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { EncodeOptions } from '@jsquash/jpeg/meta.js';
import { encodeGrayJpeg } from './gray-jpeg.js';
import type { Image } from './image.js';

const require = createRequire(import.meta.url);
// Node has WebAssembly; the project's TypeScript libraries (ES2023, no DOM) do not declare it.
declare const WebAssembly: { compile(bytes: Uint8Array): Promise<object> };

/**
 * Compiles a codec's WebAssembly once per process and hands it to the codec's `init`, which takes
 * a compiled module too (its types name only its other form); the package would fetch the file,
 * as in a browser.
 */
function loader<C extends { init: unknown }>(file: string, codec: () => Promise<C>) {
  let ready: Promise<C> | undefined;
  return () => {
    ready ??= Promise.all([
      codec(),
      readFile(require.resolve(`@jsquash/jpeg/codec/${file}`)).then((bytes) =>
        WebAssembly.compile(bytes),
      ),
    ]).then(async ([loaded, module]) => {
      await (loaded.init as (module: object) => Promise<void>)(module);
      return loaded;
    });
    return ready;
  };
}
const decoder = loader('dec/mozjpeg_dec.wasm', () => import('@jsquash/jpeg/decode.js'));
const encoder = loader('enc/mozjpeg_enc.wasm', () => import('@jsquash/jpeg/encode.js'));

/** The bytes of a JPEG file as an image in B, G, R order. */
export async function decode(bytes: Uint8Array): Promise<Image> {
  const { default: decodeJpeg } = await decoder();
  // Copied into an ArrayBuffer of its own: a Buffer from readFile may be a view of a shared pool.
  const decoded: { data: Uint8ClampedArray; width: number; height: number } = await decodeJpeg(
    new Uint8Array(bytes).buffer,
  );
  const { data: rgba, width, height } = decoded;
  const data = new Uint8Array(width * height * 3);
  for (let i = 0, j = 0; j < data.length; i += 4, j += 3) {
    data[j] = rgba[i + 2] as number;
    data[j + 1] = rgba[i + 1] as number;
    data[j + 2] = rgba[i] as number;
  }
  return { rows: height, cols: width, channels: 3, data };
}

/** `cv2.imread(path)`: the image in B, G, R order. Unlike OpenCV, a missing file is an error. */
export async function imread(path: string): Promise<Image> {
  return decode(readFileSync(path));
}

// As OpenCV's JPEG writer: libjpeg's quantisation tables at quality 95, baseline, 4:2:0 chroma.
// Huffman tables are optimised, unlike OpenCV's: with the standard ones this mozjpeg build wrote
// 33 corrupt files of 400 tiles.
const OPTIONS: Partial<EncodeOptions> = {
  quality: 95,
  baseline: true,
  progressive: false,
  optimize_coding: true,
  quant_table: 0,
  auto_subsample: false,
  chroma_subsample: 2,
};

/** The image as the bytes of a JPEG file, quality 95; a gray image as a one-component JPEG. */
export async function encode(im: Image): Promise<Uint8Array> {
  if (im.channels === 1) return encodeGrayJpeg(im, 95);
  const { default: encodeJpeg } = await encoder();
  const { rows, cols, channels, data } = im;
  const rgba = new Uint8ClampedArray(rows * cols * 4);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += channels) {
    rgba[i] = data[j + 2] as number;
    rgba[i + 1] = data[j + 1] as number;
    rgba[i + 2] = data[j] as number;
    rgba[i + 3] = 255;
  }
  const bytes = await encodeJpeg(
    { data: rgba, width: cols, height: rows } as unknown as Parameters<typeof encodeJpeg>[0],
    { ...OPTIONS, color_space: 3 /* YCbCr */ },
  );
  return new Uint8Array(bytes);
}

/** `cv2.imwrite(path, im)`: a JPEG, quality 95; the folder must exist, as for OpenCV. */
export async function imwrite(path: string, im: Image): Promise<void> {
  writeFileSync(path, await encode(im));
}
