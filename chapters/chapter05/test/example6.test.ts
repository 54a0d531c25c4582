import { captureLines, processExists } from '@mc/testing';
import { describe, expect, it, vi } from 'vitest';
import { fetchWithCustomTimeout, timeoutUrls } from '../src/example6.js';
import { example6Results, runExample, scaledSeconds, useStatusServer } from './helpers.js';

describe('example6.py', () => {
  // 0.1: the 5 s timeout lasts 0.5 s, the 4 s request 0.4 s, the 20 s one 2 s.
  const server = useStatusServer(0.1);

  it('prints every finished result and Custom timeout for the unfinished one after 5 s', async () => {
    const stderr = vi.spyOn(process.stderr, 'write');
    const { lines, value: threads } = await captureLines(() =>
      fetchWithCustomTimeout(timeoutUrls(server().url)),
    );

    expect(lines.slice(0, 4)).toEqual(example6Results(server().url));
    expect(lines.slice(5)).toEqual(['Done.']);
    const took = Number(/^Took (\d+\.\d\d) seconds$/.exec(lines[4] ?? '')?.[1]);
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
    // 0.2: the timeout lasts 1 s, the slow request 4 s.
    const slow = 20 * 0.2;
    const run = await runExample('example6', { timeScale: 0.2 });

    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const base = /^(http:\/\/127\.0\.0\.1:\d+)\//.exec(run.lines[0] ?? '')?.[1] ?? '';
    expect(run.lines.slice(0, 4)).toEqual(example6Results(base));
    expect(run.lines.at(-1)).toBe('Done.');
    // Exited, Node's start included, before the slow request could have ended (a program that
    // waited for it would take at least that long); and right after Done.
    expect(run.exitedAt).toBeLessThan(slow);
    expect((run.exitedAt - run.lastOutputAt) / slow).toBeLessThan(0.1);
    expect(processExists(run.pid)).toBe(false);
  });
});
