import { existsSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { captureLines } from '@mc/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { INPUT_PATH, imshow, inputPath, OUTPUT_PATH, outputPath } from '../src/paths.js';

const chapter = fileURLToPath(new URL('..', import.meta.url));
const scratch = join(chapter, 'output', 'paths-test');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('paths', () => {
  it("resolves input/ and output/ against the chapter's folder, wherever the program runs", () => {
    expect(inputPath('ship.jpg')).toBe(join(chapter, 'input', 'ship.jpg'));
    expect(inputPath('a', 'b.png')).toBe(join(chapter, 'input', 'a', 'b.png'));
    expect(INPUT_PATH).toBe(join(chapter, 'input', 'large_input'));
    expect(OUTPUT_PATH).toBe(join(chapter, 'output', 'large_output'));
  });

  it('creates the folder an output file goes in, as the writer needs, but not the file', () => {
    const file = outputPath('paths-test', 'deep', 'tile.jpg');
    expect(file).toBe(join(scratch, 'deep', 'tile.jpg'));
    expect(existsSync(dirname(file))).toBe(true);
    expect(existsSync(file)).toBe(false);
  });

  it('stands for a window by printing its title and the file it would show', async () => {
    const file = inputPath('ship.jpg');
    const { lines } = await captureLines(() => imshow('Original', file));
    expect(lines).toEqual([`Window 'Original': ${relative(process.cwd(), file)}`]);
  });
});
