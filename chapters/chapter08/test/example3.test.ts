import { exampleRunner } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { cvtColorBgr2Gray } from '../src/image/gray.js';
import { imread } from '../src/image/jpeg.js';
import { threshold } from '../src/image/threshold.js';
import { agreement, inputFile, outputFile, whiteShare } from './images.js';

const runExample = exampleRunner(import.meta.url, { limitSeconds: 120 });

describe('example3.py', () => {
  it('writes the global threshold: white exactly where the gray value is above 127', async () => {
    const run = await runExample('example3');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Done.\n');

    const gray = cvtColorBgr2Gray(await imread(inputFile('launch.jpg')));
    const [, expected] = threshold(gray, 127, 255);
    const written = await imread(outputFile('custom_thresh_launch.jpg'));
    expect([written.rows, written.cols]).toEqual([1118, 1577]);
    // JPEG compression of a black-and-white image at quality 95 flips next to no pixel.
    expect(agreement(written, expected)).toBeGreaterThan(0.999);
    // A night launch: the flame and the lit smoke, 3.5 % of the picture, are above 127.
    expect(whiteShare(expected)).toBeGreaterThan(0.01);
  });
});
