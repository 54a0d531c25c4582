// The book's programs open `input/...` and `output/...` relative to the folder they run in; these
// resolve against the chapter's own folder instead, so they work from anywhere.
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { print } from '@mc/core';

/** The chapter's folder (this file is in its src/ or dist/). */
const CHAPTER = fileURLToPath(new URL('..', import.meta.url));

/** `input/<name>`: the shipped images and cascade (see DATA.md), and the generated tiles. */
export function inputPath(...parts: string[]): string {
  return join(CHAPTER, 'input', ...parts);
}

/** `output/<name>`, its folder created first (OpenCV's writer needs it to exist; git ignores it). */
export function outputPath(...parts: string[]): string {
  const path = join(CHAPTER, 'output', ...parts);
  mkdirSync(join(path, '..'), { recursive: true });
  return path;
}

/** The generated tiles of generate_input (git-ignored): `input/large_input/`. */
export const INPUT_PATH = inputPath('large_input');
/** Where examples 5 and 6 write the thresholded tiles: `output/large_output/`. */
export const OUTPUT_PATH = join(CHAPTER, 'output', 'large_output');

/**
 * Stands for `cv2.imshow(title, im)` + `cv2.waitKey(0)`: Node has no window to open, so this
 * prints the title and the file that holds what the window would show, and waits for no key.
 */
export function imshow(title: string, file: string): void {
  print(`Window '${title}': ${relative(process.cwd(), file) || file}`);
}
