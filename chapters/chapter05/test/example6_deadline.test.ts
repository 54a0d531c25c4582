import { captureLines, processExists } from '@mc/testing';
import { describe, expect, it, vi } from 'vitest';
import { timeoutUrls } from '../src/example6.js';
import { fetchWithDeadlines, pingWithDeadline } from '../src/example6_deadline.js';
import { example6Results, runExample, scaledSeconds, useStatusServer } from './helpers.js';

// The 5 s timeout lasts 2 s, the 4 s request 1.6 s plus the server's 0.1 s latency: a margin of
// 0.3 s, which a loaded machine does not eat (at 0.1 it was 75 ms, and under load the 4 s request
// came back too late). The 20 s request lasts 8 s.
const SCALE = 0.4;

describe('example6_deadline (addition)', () => {
  const server = useStatusServer(SCALE);

  it('prints what example6 prints', async () => {
    const { lines } = await captureLines(() => fetchWithDeadlines(timeoutUrls(server().url)));

    expect(lines).toEqual([
      ...example6Results(server().url),
      expect.stringMatching(/^Took {2}\d+\.\d\d seconds$/),
      'Done.',
    ]);
  });

  it('aborts the slow request at its deadline: the server sees its connection close', async () => {
    const slowUrl = `${server().url}/200?sleep=20000`;
    const pending = pingWithDeadline(slowUrl, 1);
    await vi.waitUntil(() => server().inFlight === 1, { timeout: 1000, interval: 5 });

    expect(await pending).toBe(`${slowUrl}: Custom timeout`);
    // Well before the request's own 20 s (2 s here), nothing is left waiting on the server.
    await vi.waitUntil(() => server().inFlight === 0, {
      timeout: scaledSeconds(20) * 1000 * 0.25,
      interval: 5,
    });
  });

  it('ends as a program by itself, without forcing an exit, well before the slow request', async () => {
    const slow = 20 * SCALE;
    const run = await runExample('example6_deadline', { timeScale: SCALE });

    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.lines.at(2)).toMatch(/\/200\?sleep=20000: Custom timeout$/);
    // A program that waited for the slow request would take at least `slow` seconds.
    expect(run.exitedAt).toBeLessThan(slow);
    expect(processExists(run.pid)).toBe(false);
  });
});
