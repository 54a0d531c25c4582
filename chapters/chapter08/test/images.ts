import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { packageDirOf, runExample } from '@mc/testing';
import type { Image } from '../src/image/image.js';

// The photographs and tiles of the chapter's tests: where they are, how to compare them, and a
// python3 with OpenCV to compare with.

const packageDir = packageDirOf(import.meta.url);

export const inputFile = (...parts: string[]) => join(packageDir, 'input', ...parts);
export const outputFile = (...parts: string[]) => join(packageDir, 'output', ...parts);

/** Runs generate_input (the book's tiles, scale 1) and checks that it said Done. */
export async function generateTiles(): Promise<void> {
  const run = await runExample(packageDir, 'generate_input', { limitSeconds: 120 });
  if (run.code !== 0 || run.stdout !== 'Done.\n') throw new Error(`generate_input: ${run.stderr}`);
}

/** The share of pixels above 127 in the first channel (a written gray JPEG decodes to R = G = B). */
export function whiteShare(im: Image): number {
  let white = 0;
  for (let i = 0; i < im.rows * im.cols; i++)
    if ((im.data[i * im.channels] as number) > 127) white++;
  return white / (im.rows * im.cols);
}

/** The share of pixels on the same side of 127 in a decoded file (first channel) and an image. */
export function agreement(decoded: Image, expected: Image): number {
  let same = 0;
  const n = expected.rows * expected.cols;
  for (let i = 0; i < n; i++) {
    const a = (decoded.data[i * decoded.channels] as number) > 127;
    const b = (expected.data[i * expected.channels] as number) > 127;
    if (a === b) same++;
  }
  return same / n;
}

/** Intersection over union of two (x, y, w, h) boxes. */
export function iou(a: readonly number[], b: readonly number[]): number {
  const [ax, ay, aw, ah] = a as [number, number, number, number];
  const [bx, by, bw, bh] = b as [number, number, number, number];
  const w = Math.max(0, Math.min(ax + aw, bx + bw) - Math.max(ax, bx));
  const h = Math.max(0, Math.min(ay + ah, by + bh) - Math.max(ay, by));
  return (w * h) / (aw * ah + bw * bh - w * h);
}

/**
 * A python3 that has OpenCV (Debian's python3-opencv), to compare with; null where there is none
 * (CI machines may lack it): the tests that need it skip then.
 */
export const opencvPython: string | null =
  ['/usr/bin/python3', 'python3'].find(
    (bin) => spawnSync(bin, ['-c', 'import cv2, numpy'], { stdio: 'ignore' }).status === 0,
  ) ?? null;

/** Runs a Python snippet of the tests' own with that python3; its stdout as bytes. */
export function python(code: string, args: string[] = [], input?: Uint8Array): Buffer {
  if (!opencvPython) throw new Error('no python3 with OpenCV here');
  const run = spawnSync(opencvPython, ['-c', code, ...args], { input, maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`);
  return run.stdout;
}
