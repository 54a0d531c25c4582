import { cpus } from 'node:os';
import type { ProbeReport, ProbeTask } from './overlap-probe-worker.js';

export type { ProbeReport, ProbeTask } from './overlap-probe-worker.js';

/**
 * The worker module whose `watchPeer` is one side of the probe, as compiled JavaScript (give it
 * to the pool under test: `workerFunction(OVERLAP_PROBE_MODULE, 'watchPeer')`).
 */
export const OVERLAP_PROBE_MODULE: URL = new URL('./overlap-probe-worker.js', import.meta.url);

/** Options of `probeOverlap`. */
export interface ProbeOptions {
  /** Simultaneous advances one side must see. Default 1000. */
  readonly required?: number;
  /** When each side gives up, in milliseconds. Default 20 000: generous for a loaded machine. */
  readonly deadlineMs?: number;
  /** Reads closer than this are taken without a time slice between them. Default 0.02 (20 µs). */
  readonly closeMs?: number;
  /** Advances count only when seen on this many close reads in a row. Default 10. */
  readonly streak?: number;
}

/** What the probe found. */
export interface ProbeResult {
  /** Each side's report, side 0 first. */
  readonly reports: readonly [ProbeReport, ProbeReport];
  /** The most simultaneous advances one side saw. */
  readonly observations: number;
  readonly required: number;
}

/**
 * Proves that two tasks ran at the same moment on two CPUs, whatever the load: `run` must start
 * both sides of the probe (`watchPeer` of `OVERLAP_PROBE_MODULE`) in the threads under test. Each
 * side spins and watches the other's counter in a SharedArrayBuffer; it counts an observation only
 * when the other moved between each of `streak` pairs of its own reads a few microseconds apart,
 * which cannot happen when both share one CPU (they take turns by time slices of milliseconds). Under load the two
 * sides still meet on two CPUs now and then, so the probe waits for `required` observations until
 * its deadline; pinned to one CPU (`taskset -c 0`) it sees none.
 *
 * @example const { observations, required } = await probeOverlap((task) => executor.submit(watch, task).result())
 */
export async function probeOverlap(
  run: (task: ProbeTask) => Promise<ProbeReport>,
  { required = 1000, deadlineMs = 20_000, closeMs = 0.02, streak = 10 }: ProbeOptions = {},
): Promise<ProbeResult> {
  const shared = new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT);
  const task = (side: 0 | 1): ProbeTask => ({
    shared,
    side,
    required,
    deadlineMs,
    closeMs,
    streak,
  });
  const reports = (await Promise.all([run(task(0)), run(task(1))])) as [ProbeReport, ProbeReport];
  const observations = Math.max(...reports.map((report) => report.observations));
  return { reports, observations, required };
}

/**
 * Why a parallelism test cannot run here, or undefined when it can: the machine has one CPU.
 * It counts the machine's CPUs, not the process's (`cpuCount()` is 1 under `taskset -c 0`),
 * so a process pinned to one CPU of a larger machine fails the test instead of skipping it.
 *
 * @example ctx.skip(oneCpuReason() !== undefined, oneCpuReason())
 */
export function oneCpuReason(): string | undefined {
  return cpus().length < 2
    ? 'this machine has one CPU: no two threads can run at the same moment'
    : undefined;
}
