import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { packageDirOf } from '@mc/testing';
import { describe, expect, it } from 'vitest';

const packageDir = packageDirOf(import.meta.url);

/** The `<seconds> <label>` of each countdown line after `part N`. */
function part(lines: string[], n: number): { seconds: number; label: string }[] {
  const from = lines.indexOf(`part ${n}`);
  const to = lines.indexOf(`part ${n + 1}`);
  return lines
    .slice(from + 1, to === -1 ? undefined : to)
    .map((line) => /^(\d+\.\d{4}) \t+([AB]) = (\d)$/.exec(line))
    .filter((match) => match !== null)
    .map((match) => ({ seconds: Number(match[1]), label: `${match[2]}${match[3]}` }));
}

describe('a blocking call on the loop, and in an executor', () => {
  it('on the loop, stalls every other task; in a worker, does not', async () => {
    const scale = 0.3;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [fileURLToPath(new URL('fixtures/stall.mjs', import.meta.url))],
      { cwd: packageDir, env: { ...process.env, BOOK_TIME_SCALE: String(scale) }, timeout: 30_000 },
    );
    const lines = stdout.split('\n');

    // On the loop: B's timer was due at 0.8 s, but B could not print until A's 3 s of blocking
    // sleeps were over: every B line comes after A's last.
    const onLoop = part(lines, 1);
    expect(onLoop.map((line) => line.label)).toEqual(['A3', 'A2', 'A1', 'B3', 'B2', 'B1']);
    const a1 = onLoop.find((line) => line.label === 'A1')?.seconds ?? 0;
    expect(onLoop.find((line) => line.label === 'B3')?.seconds).toBeGreaterThanOrEqual(a1);
    expect(a1).toBeGreaterThanOrEqual(3 * scale - 0.002);

    // In a worker: B runs on the free loop, its lines where its timers put them, between A's.
    const inWorker = part(lines, 2);
    expect(inWorker.map((line) => line.label)).toEqual(['B3', 'A3', 'B2', 'A2', 'B1', 'A1']);
    expect(inWorker.find((line) => line.label === 'B3')?.seconds).toBeLessThan(1 * scale);
  });
});
