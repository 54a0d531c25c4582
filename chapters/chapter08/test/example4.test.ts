import { exampleRunner } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import {
  ADAPTIVE_THRESH_GAUSSIAN_C,
  ADAPTIVE_THRESH_MEAN_C,
  adaptiveThreshold,
} from '../src/image/adaptive-threshold.js';
import { cvtColorBgr2Gray } from '../src/image/gray.js';
import { imread } from '../src/image/jpeg.js';
import { threshold } from '../src/image/threshold.js';
import { agreement, inputFile, outputFile, whiteShare } from './images.js';

const runExample = exampleRunner(import.meta.url, { limitSeconds: 120 });

describe('example4.py', () => {
  it('writes the mean and Gaussian adaptive thresholds, which keep detail the global one loses', async () => {
    const run = await runExample('example4');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Done.\n');

    const gray = cvtColorBgr2Gray(await imread(inputFile('launch.jpg')));
    for (const [file, method] of [
      ['mean_thresh_launch.jpg', ADAPTIVE_THRESH_MEAN_C],
      ['gauss_thresh_launch.jpg', ADAPTIVE_THRESH_GAUSSIAN_C],
    ] as const) {
      const written = await imread(outputFile(file));
      expect([written.rows, written.cols]).toEqual([1118, 1577]);
      const expected = adaptiveThreshold(gray, 255, method, 11, 2);
      // Fine detail is where JPEG compression of a black-and-white image errs most.
      expect(agreement(written, expected), file).toBeGreaterThan(0.995);
      // Most of a smooth photograph is within 2 levels of its local mean: mostly white, unlike
      // the global threshold.
      expect(whiteShare(expected)).toBeGreaterThan(whiteShare(threshold(gray, 127, 255)[1]));
    }
  });
});
