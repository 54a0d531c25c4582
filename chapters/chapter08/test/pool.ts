import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { packageDirOf, startExample } from '@mc/testing';
import { expect } from 'vitest';
import { ADAPTIVE_THRESH_GAUSSIAN_C, adaptiveThreshold } from '../src/image/adaptive-threshold.js';
import { cvtColorBgr2Gray } from '../src/image/gray.js';
import { imread } from '../src/image/jpeg.js';
import { agreement, inputFile, outputFile } from './images.js';

const packageDir = packageDirOf(import.meta.url);

/** The processes whose parent is `pid` now, read from Linux's /proc (field 4 of `stat`). */
function childCount(pid: number): number {
  let count = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) count += 1;
    } catch {
      // It ended between the listing and the read.
    }
  }
  return count;
}

/**
 * Runs example5 or example6 on fresh output and checks what both must do: six timing lines in
 * the book's format for 1 to 6 processes, then Done., and the 400 thresholded tiles written.
 */
export async function checkPoolExperiment(name: 'example5' | 'example6'): Promise<void> {
  rmSync(outputFile('large_output'), { recursive: true, force: true });
  const running = startExample(packageDir, name, { limitSeconds: 120 });
  running.child.stdin.end();
  // Each pool's worker processes live from its construction to its timing line, seconds here:
  // looked at every 20 ms, the most children seen before each `Took` line is that pool's size.
  const mostChildren: number[] = [];
  let most = 0;
  const watch = setInterval(() => {
    most = Math.max(most, childCount(running.pid));
    const timings = running.stdout.match(/^Took /gm)?.length ?? 0;
    if (timings > mostChildren.length) {
      mostChildren.push(most);
      most = 0;
    }
  }, 20);
  const { code } = await running.ended.finally(() => clearInterval(watch));
  // The last pool's line may come with the exit, after the last look.
  if (mostChildren.length === 6 - 1) mostChildren.push(most);
  const run = { code, stderr: running.stderr, lines: running.lines() };
  expect(run.code, run.stderr).toBe(0);
  expect(run.lines).toHaveLength(7);
  // A pool of N is N processes: a pool that ran everything in one (or in the main process) fails.
  // (A previous pool's exiting workers may add to a count, never take from it.)
  expect(mostChildren).toHaveLength(6);
  mostChildren.forEach((children, k) => {
    expect(children, `children during the pool of ${k + 1}`).toBeGreaterThanOrEqual(k + 1);
  });
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
