import { readdirSync, rmSync } from 'node:fs';
import { exampleRunner } from '@mc/testing';
import { expect } from 'vitest';
import { ADAPTIVE_THRESH_GAUSSIAN_C, adaptiveThreshold } from '../src/image/adaptive-threshold.js';
import { cvtColorBgr2Gray } from '../src/image/gray.js';
import { imread } from '../src/image/jpeg.js';
import { agreement, inputFile, outputFile } from './images.js';

const runExample = exampleRunner(import.meta.url, { limitSeconds: 120 });

/**
 * Runs example5 or example6 on fresh output and checks what both must do: six timing lines in
 * the book's format for 1 to 6 processes, then Done., and the 400 thresholded tiles written.
 */
export async function checkPoolExperiment(name: 'example5' | 'example6'): Promise<void> {
  rmSync(outputFile('large_output'), { recursive: true, force: true });
  const run = await runExample(name);
  expect(run.code, run.stderr).toBe(0);
  expect(run.lines).toHaveLength(7);
  run.lines.slice(0, 6).forEach((line, k) => {
    expect(line).toMatch(
      new RegExp(`^Took \\d+\\.\\d{4} seconds with ${k + 1} process\\(es\\)\\.$`),
    );
  });
  expect(run.lines[6]).toBe('Done.');

  const written = readdirSync(outputFile('large_output'));
  expect(written).toHaveLength(400);
  for (const tile of ['launch_0_0.jpg', 'launch_12_7.jpg', 'launch_19_19.jpg']) {
    const out = await imread(outputFile('large_output', tile));
    expect([out.rows, out.cols]).toEqual([55, 78]);
    const input = await imread(inputFile('large_input', tile));
    const expected = adaptiveThreshold(
      cvtColorBgr2Gray(input),
      255,
      ADAPTIVE_THRESH_GAUSSIAN_C,
      11,
      2,
    );
    expect(agreement(out, expected)).toBeGreaterThan(0.99);
  }
}
