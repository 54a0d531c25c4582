import { exampleRunner } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { cvtColorBgr2Gray } from '../src/image/gray.js';
import { imread } from '../src/image/jpeg.js';
import { inputFile, outputFile } from './images.js';

const runExample = exampleRunner(import.meta.url, { limitSeconds: 120 });

const meanOf = (data: Uint8Array, step: number) => {
  let sum = 0;
  for (let i = 0; i < data.length; i += step) sum += data[i] as number;
  return sum / (data.length / step);
};

describe('example2.py', () => {
  it('prints the 2-D gray array and its shape, and writes it as a gray JPEG', async () => {
    const run = await runExample('example2');
    expect(run.code).toBe(0);
    const { lines } = run;
    expect(lines[0]).toMatch(/^Window 'Grayscale': .*output\/gray_launch\.jpg$/);
    expect(lines[1]).toMatch(/^\[\[ ?\d+ +\d+ +\d+ \.\.\. +\d+ +\d+ +\d+\]$/);
    expect(lines[4]).toBe(' ...');
    expect(lines.slice(-3)).toEqual([
      'Type: Image (pixels in a Uint8Array)',
      'Shape: (1118, 1577)',
      'Done.',
    ]);

    const written = await imread(outputFile('gray_launch.jpg'));
    expect([written.rows, written.cols]).toEqual([1118, 1577]);
    const gray = cvtColorBgr2Gray(await imread(inputFile('launch.jpg')));
    // JPEG compression moves single pixels, not the mean.
    expect(meanOf(written.data, 3)).toBeCloseTo(meanOf(gray.data, 1), 0);
    // A gray JPEG: every decoded pixel has R = G = B.
    for (let i = 0; i < written.data.length; i += 3 * 997) {
      expect(written.data[i + 1]).toBe(written.data[i]);
      expect(written.data[i + 2]).toBe(written.data[i]);
    }
  });
});
