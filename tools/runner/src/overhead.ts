import { spawn } from 'node:child_process';
import { runExample } from './run-example.js';

/** The runner's own cost per example, measured on a program that does nothing. */
export interface Overhead {
  /** Median wall time of `node -e ''` through the runner's spawn path (bash wrapper, pipes, CPU time), s. */
  readonly runnerSeconds: number;
  /** Median wall time of `node -e ''` spawned directly, s: the process start every example pays anyway. */
  readonly nodeSeconds: number;
  /** `runnerSeconds - nodeSeconds`: what the runner adds per example run. */
  readonly overheadSeconds: number;
  readonly samples: number;
}

/** The middle value (mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Spawns `node -e ''` directly and resolves when it has exited; aborting kills it. */
function spawnEmptyNode(signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore', signal });
    child.once('error', () => {}); // an abort reports here; 'close' still follows
    child.once('close', () => resolve());
  });
}

/**
 * Measures the runner's overhead: `samples` runs of an empty node program through `runExample`
 * against `samples` direct spawns of the same program, alternated after one unmeasured warm-up of
 * each (the first spawn pays for cold caches), medians compared. Aborting `signal` (Ctrl-C) kills
 * the program being measured and resolves null at once.
 */
export async function measureOverhead(samples = 3, signal?: AbortSignal): Promise<Overhead | null> {
  const through: number[] = [];
  const direct: number[] = [];
  for (let sample = -1; sample < samples; sample++) {
    if (signal?.aborted) return null;
    const started = performance.now();
    await spawnEmptyNode(signal);
    if (sample >= 0) direct.push((performance.now() - started) / 1000);
    if (signal?.aborted) return null;
    const run = await runExample({
      command: process.execPath,
      args: ['-e', ''],
      cwd: process.cwd(),
      limitSeconds: 30,
      ...(signal ? { signal } : {}),
    });
    if (run.interrupted) return null;
    if (sample >= 0) through.push(run.wallSeconds);
  }
  const runnerSeconds = median(through);
  const nodeSeconds = median(direct);
  return { runnerSeconds, nodeSeconds, overheadSeconds: runnerSeconds - nodeSeconds, samples };
}
