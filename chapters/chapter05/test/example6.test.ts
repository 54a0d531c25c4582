import { startStatusServer } from '@mc/status-server';
import { captureLines, processExists, watchRequestsInFlight } from '@mc/testing';
import { describe, expect, it, vi } from 'vitest';
import { fetchWithCustomTimeout, timeoutUrls } from '../src/example6.js';
import { BASE_URL_VARIABLE } from '../src/service.js';
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
    // Against a status server in this process (the first test closed the shared one), so that
    // its requests can be watched from here.
    await using service = await startStatusServer();
    const { value: run, trace } = await watchRequestsInFlight(() =>
      runExample('example6', { timeScale: SCALE, env: { [BASE_URL_VARIABLE]: service.url } }),
    );

    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.lines.slice(0, 4)).toEqual(example6Results(service.url));
    expect(run.lines.at(-1)).toBe('Done.');
    // The four requests were served together, and the program had exited while the slow one was
    // still being served: it did not wait for it, whatever the machine's load.
    expect(Math.max(...trace)).toBe(4);
    expect(trace.at(-1)).toBe(1);
    expect(processExists(run.pid)).toBe(false);
  });
});
