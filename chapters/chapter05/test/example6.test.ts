import { captureLines, processExists } from '@mc/testing';
import { describe, expect, it, vi } from 'vitest';
import { fetchWithCustomTimeout, timeoutUrls } from '../src/example6.js';
import { example6Results, runExample, scaledSeconds, useStatusServer } from './helpers.js';

// The 5 s timeout lasts 2 s, the 4 s request 1.6 s plus the server's 0.1 s latency: a margin of
// 0.3 s, which a loaded machine does not eat (at 0.1 it was 75 ms, and under load the 4 s request
// came back too late). The 20 s request lasts 8 s.
const SCALE = 0.4;

describe('example6.py', () => {
  const server = useStatusServer(SCALE);

  it('prints every finished result and Custom timeout for the unfinished one after 5 s', async () => {
    const stderr = vi.spyOn(process.stderr, 'write');
    const { lines, value: threads } = await captureLines(() =>
      fetchWithCustomTimeout(timeoutUrls(server().url)),
    );

    expect(lines.slice(0, 4)).toEqual(example6Results(server().url));
    expect(lines.slice(5)).toEqual(['Done.']);
    const took = Number(/^Took {2}(\d+\.\d\d) seconds$/.exec(lines[4] ?? '')?.[1]);
    expect(took).toBeGreaterThanOrEqual(Number((0.95 * scaledSeconds(5)).toFixed(2)));
    expect(took).toBeLessThan(scaledSeconds(20));
    // The slow thread is still out: the program stopped waiting for it, it did not finish.
    expect(threads.map((thread) => thread.isAlive())).toEqual([false, false, true, false]);
    expect(threads.every((thread) => thread.daemon)).toBe(true);

    // Its request then fails as the server closes; an abandoned thread stays silent.
    await server().close();
    await threads[2]?.join();
    expect(stderr).not.toHaveBeenCalled();
    stderr.mockRestore();
  });

  it('exits at once as a program, without waiting for the 20 s request', async () => {
    const slow = 20 * SCALE;
    const run = await runExample('example6', { timeScale: SCALE });

    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const base = /^(http:\/\/127\.0\.0\.1:\d+)\//.exec(run.lines[0] ?? '')?.[1] ?? '';
    expect(run.lines.slice(0, 4)).toEqual(example6Results(base));
    expect(run.lines.at(-1)).toBe('Done.');
    // Exited, Node's start included, before the slow request could have ended: a program that
    // waited for it would take at least that long.
    expect(run.exitedAt).toBeLessThan(slow);
    expect(processExists(run.pid)).toBe(false);
  });
});
