import { exampleRunner } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { imread } from '../src/image/jpeg.js';
import { inputFile, outputFile } from './images.js';

const runExample = exampleRunner(import.meta.url, { limitSeconds: 120 });

describe('example1.py', () => {
  it('prints the image as NumPy would, its shape, and the top-left pixel in B, G, R order', async () => {
    const run = await runExample('example1');
    expect(run.code).toBe(0);
    const { lines } = run;
    expect(lines[0]).toMatch(/^Window 'Test': .*output\/test\.jpg$/);
    expect(lines[1]).toMatch(/^\[\[\[ ?\d+ +\d+ +\d+\]$/);
    expect(lines).toContain(' ...');
    expect(lines.filter((line) => line === '  ...')).toHaveLength(6);
    expect(lines.slice(-5)).toEqual([
      '  [25 41 58]]]',
      'Type: Image (pixels in a Uint8Array)',
      'Shape: (1118, 1577, 3)',
      // cv2.imread's pixel: the sky is blue, so B > G > R (R, G, B order would print [17 33 59]).
      'Top-left pixel: [59 33 17]',
      'Done.',
    ]);
    const written = await imread(outputFile('test.jpg'));
    const original = await imread(inputFile('launch.jpg'));
    expect([written.rows, written.cols]).toEqual([original.rows, original.cols]);
  });
});
