import { captureLines } from '@mc/testing';
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

  it('takes the sum of the waits sequentially and about one wait with threads', async () => {
    const { value } = await captureLines(() => compare(bookUrls(server().url)));

    expect(value.sequential).toBeGreaterThanOrEqual(6 * latency);
    expect(value.threading).toBeGreaterThanOrEqual(latency);
    expect(value.threading / value.sequential).toBeLessThan(0.5);
  });

  it('with threads, takes about as long as the slowest request', async () => {
    const sleeps = [0, 500, 1000, 1500];
    const urls = sleeps.map((sleep) => statusUrl(server().url, 200, sleep));
    const slowest = latency + 0.95 * scaledSeconds(1.5);
    const sum = sleeps.length * latency + 0.95 * scaledSeconds(3);

    const { value } = await captureLines(() => compare(urls));

    expect(value.sequential).toBeGreaterThanOrEqual(sum);
    expect(value.threading).toBeGreaterThanOrEqual(slowest);
    expect(value.threading).toBeLessThan(slowest + 0.5 * (sum - slowest));
  });
});
