import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { processThreshold, THRESH_METHOD } from '../src/example5.js';
import { adaptiveThreshold } from '../src/image/adaptive-threshold.js';
import { cvtColorBgr2Gray } from '../src/image/gray.js';
import type { Image } from '../src/image/image.js';
import { imread } from '../src/image/jpeg.js';
import { agreement, generateTiles, inputFile, outputFile } from './images.js';
import { checkPoolExperiment } from './pool.js';

beforeAll(generateTiles);

describe('example5.py', () => {
  it('thresholds the 400 tiles with pools of 1 to 6 processes, timing each', async () => {
    await checkPoolExperiment('example5');
  });

  it('works on the pixels it is sent, not on a file: the main process reads the tiles', async () => {
    // An image that is in no file, under a name no input has.
    const data = Uint8Array.from({ length: 55 * 78 * 3 }, (_, i) => (i % 234 < 117 ? 40 : 200));
    const im: Image = { rows: 55, cols: 78, channels: 3, data };
    const name = 'sent_pixels.jpg';
    expect(existsSync(inputFile('large_input', name))).toBe(false);
    await processThreshold([im, name, THRESH_METHOD]);
    const written = await imread(outputFile('large_output', name));
    const expected = adaptiveThreshold(cvtColorBgr2Gray(im), 255, THRESH_METHOD, 11, 2);
    expect(agreement(written, expected)).toBeGreaterThan(0.99);
  });
});
