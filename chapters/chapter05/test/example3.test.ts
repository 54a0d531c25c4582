import { captureLines, watchRequestsInFlight } from '@mc/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookUrls } from '../src/example2.js';
import { compare } from '../src/example3.js';
import { BOOK_STATUS_CODES, statusUrl } from '../src/service.js';
import { scaledSeconds, useStatusServer } from './helpers.js';

describe('example3.py', () => {
  /** One answer's wait at this scale (the server's latency), less 5% for timer rounding. */
  let latency: number;

  // 0.2: a 50 ms latency, large beside the cost of a request on loopback.
  const server = useStatusServer(0.2);

  beforeAll(async () => {
    latency = 0.95 * scaledSeconds(server().latencyMs / 1000);
  });

  it('prints six pings, the sequential time, a blank line, six pings, the threading time', async () => {
    const { lines } = await captureLines(() => compare(bookUrls(server().url)));

    expect(lines).toHaveLength(15);
    // Python's `: .2f` puts a space before a non-negative number: two spaces after the colon.
    expect(lines[6]).toMatch(/^Sequential: {2}\d+\.\d\d seconds$/);
    expect(lines[7]).toBe('');
    expect(lines[14]).toMatch(/^Threading: {2}\d+\.\d\d seconds$/);
    bookUrls(server().url).forEach((url, i) => {
      expect(lines[i]?.startsWith(`${url}: ${BOOK_STATUS_CODES[i]} `)).toBe(true);
    });
    // Threads print as their answers arrive; all six are there.
    expect([...lines.slice(8, 14)].sort()).toEqual([...lines.slice(0, 6)].sort());
  });

  it('sends the requests one at a time sequentially, all six at once with threads', async () => {
    const urls = bookUrls(server().url);
    const { value, trace } = await watchRequestsInFlight(() =>
      captureLines(() => compare(urls)).then((captured) => captured.value),
    );

    // First half: each answered before the next is sent. Second half: all six waiting together.
    expect(trace.slice(0, 12)).toEqual(Array(6).fill([1, 0]).flat());
    expect(Math.max(...trace.slice(12))).toBe(6);
    expect(trace.at(-1)).toBe(0);
    // Each half waits at least what the server makes it wait (the sum of six waits, one wait).
    expect(value.sequential).toBeGreaterThanOrEqual(6 * latency);
    expect(value.threading).toBeGreaterThanOrEqual(latency);
  });

  it('with threads, waits for every request at once, so at least as long as the slowest', async () => {
    const sleeps = [0, 500, 1000, 1500];
    const urls = sleeps.map((sleep) => statusUrl(server().url, 200, sleep));
    const slowest = latency + 0.95 * scaledSeconds(1.5);
    const sum = sleeps.length * latency + 0.95 * scaledSeconds(3);

    const { value, trace } = await watchRequestsInFlight(() =>
      captureLines(() => compare(urls)).then((captured) => captured.value),
    );

    expect(value.sequential).toBeGreaterThanOrEqual(sum);
    expect(value.threading).toBeGreaterThanOrEqual(slowest);
    expect(trace.slice(0, 8)).toEqual(Array(4).fill([1, 0]).flat());
    expect(Math.max(...trace.slice(8))).toBe(4);
  });
});
