import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { threadId } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { oneCpuReason, type ProbeResult, probeOverlap } from '../src/overlap-probe.js';
import { watchPeer } from '../src/overlap-probe-worker.js';

const run = promisify(execFile);
const twoWorkers = fileURLToPath(new URL('fixtures/probe-two-workers.mjs', import.meta.url));

/** Runs the probe on two plain worker threads in a new process, `command` before node if any. */
async function probeInProcess(deadlineMs: number, command: string[] = []): Promise<ProbeResult> {
  const [file, ...args] = [...command, process.execPath, twoWorkers, String(deadlineMs)];
  const { stdout } = await run(file as string, args);
  return JSON.parse(stdout) as ProbeResult;
}

const hasTaskset = await run('taskset', ['-c', '0', 'true']).then(
  () => true,
  () => false,
);

describe('probeOverlap', () => {
  it('sees two worker threads run at the same moment', async (context) => {
    context.skip(oneCpuReason() !== undefined, oneCpuReason());
    const { observations, required, reports } = await probeInProcess(20_000);
    expect(observations).toBe(required);
    expect(reports[0].threadId).not.toBe(reports[1].threadId);
  });

  it.skipIf(!hasTaskset)('sees nothing when the same threads are pinned to one CPU', async () => {
    const { observations, reports } = await probeInProcess(1000, ['taskset', '-c', '0']);
    expect(observations).toBe(0);
    expect(reports[0].threadId).not.toBe(reports[1].threadId);
  });

  it('sees nothing when the two sides run one after the other', async () => {
    const { observations, reports } = await probeOverlap(async (task) => watchPeer(task), {
      deadlineMs: 200,
    });
    expect(observations).toBe(0);
    expect(reports.map((report) => report.threadId)).toEqual([threadId, threadId]);
  });
});
