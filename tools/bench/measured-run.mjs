// One run of a program for a benchmark: its output, and how much of the CPU other processes used
// meanwhile. Shared by every script of tools/bench.
import { spawnSync } from 'node:child_process';
import { othersPercent, quietSecond, ticks } from './cpu-load.mjs';

/** Thrown when the program cannot run or fails; its message is one line. */
export class RunFailed extends Error {}

/**
 * Runs `command args` to its end and returns its stdout, its wall `seconds` and `others`, the
 * percentage of all cores other processes used during the run. With `maxOthers` below 100, first waits for a second in
 * which they use no more than that.
 */
export async function measuredRun(
  command,
  args,
  { maxOthers = 100, cwd, timeoutSeconds = 600 } = {},
) {
  if (maxOthers < 100) await quietSecond(maxOthers);
  const before = ticks();
  const started = performance.now();
  const run = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    // A program that hangs (the book's races can) must not hang the benchmark.
    timeout: timeoutSeconds * 1000,
    killSignal: 'SIGKILL',
  });
  const seconds = (performance.now() - started) / 1000;
  const others = othersPercent(before, ticks());
  const what = [command, ...args].join(' ');
  if (run.error?.code === 'ETIMEDOUT') {
    throw new RunFailed(`${what} did not finish in ${timeoutSeconds} s`);
  }
  if (run.error) throw new RunFailed(`cannot run ${what}: ${run.error.message}`);
  if (run.status !== 0) {
    const lines = run.stderr.split('\n').filter((line) => line.trim() !== '');
    const reason = lines.find((line) => /error/i.test(line)) ?? lines[0] ?? 'no message';
    throw new RunFailed(`${what} exited ${run.status ?? run.signal}: ${reason.trim()}`);
  }
  return { stdout: run.stdout, others, seconds };
}
