import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { processThreshold } from '../src/example6.js';
import { generateTiles, inputFile, outputFile } from './images.js';
import { checkPoolExperiment } from './pool.js';

beforeAll(generateTiles);

describe('example6.py', () => {
  it('thresholds the 400 tiles with pools of 1 to 6 processes, timing each', async () => {
    await checkPoolExperiment('example6');
  });

  it('is sent a name only, and reads the tile itself', async () => {
    await expect(processThreshold('no_such_tile.jpg')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(existsSync(outputFile('large_output', 'no_such_tile.jpg'))).toBe(false);
    expect(existsSync(inputFile('large_input', 'launch_4_4.jpg'))).toBe(true);
    await processThreshold('launch_4_4.jpg');
    expect(existsSync(outputFile('large_output', 'launch_4_4.jpg'))).toBe(true);
  });
});
