import { readdirSync, rmSync } from 'node:fs';
import { exampleRunner } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { crop } from '../src/image/image.js';
import { imread } from '../src/image/jpeg.js';
import { inputFile } from './images.js';

const runExample = exampleRunner(import.meta.url, { limitSeconds: 120 });

describe('generate_input.py', () => {
  it('cuts the 1577 x 1118 image into 400 tiles of 78 x 55, row band i, column band j', async () => {
    rmSync(inputFile('large_input'), { recursive: true, force: true });
    const run = await runExample('generate_input');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Done.\n');

    const names = readdirSync(inputFile('large_input')).sort();
    const expected = Array.from(
      { length: 400 },
      (_, k) => `launch_${Math.floor(k / 20)}_${k % 20}.jpg`,
    );
    expect(names).toEqual(expected.sort());

    const whole = await imread(inputFile('launch.jpg'));
    for (const [i, j] of [
      [0, 0],
      [3, 5],
      [19, 19],
    ] as const) {
      const tile = await imread(inputFile('large_input', `launch_${i}_${j}.jpg`));
      expect([tile.rows, tile.cols]).toEqual([55, 78]);
      // Tile (3, 5) is rows 165-219 and columns 390-467; swapped i and j would be far off.
      const region = crop(whole, 55 * i, 78 * j, 55, 78);
      let difference = 0;
      for (let p = 0; p < tile.data.length; p++) {
        difference += Math.abs((tile.data[p] as number) - (region.data[p] as number));
      }
      expect(difference / tile.data.length).toBeLessThan(3);
    }
  });

  it('with --scale 2, cuts the twice enlarged image into tiles, then the book tiles come back without it', async () => {
    expect((await runExample('generate_input', { args: ['--scale', '2'] })).code).toBe(0);
    const big = await imread(inputFile('large_input', 'launch_7_7.jpg'));
    expect([big.rows, big.cols]).toEqual([111, 157]); // floor(2236 / 20), floor(3154 / 20)
    expect((await runExample('generate_input')).code).toBe(0);
    const tile = await imread(inputFile('large_input', 'launch_7_7.jpg'));
    expect([tile.rows, tile.cols]).toEqual([55, 78]);
  });
});
