import { timer } from '@mc/core/timeit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  describe as describeOutcome,
  fetchPolitely,
  politeRequest,
} from '../src/good_practices.js';
import { type CountingServer, startCountingServer } from './counting-server.js';

describe('good_practices (addition)', () => {
  let server: CountingServer;
  const hitsOf = (path: string) => server.hits.filter((hit) => hit.path === path);

  beforeEach(async () => {
    vi.stubEnv('BOOK_TIME_SCALE', '1');
    server = await startCountingServer();
  });

  afterEach(async () => {
    await server[Symbol.asyncDispose]();
    vi.unstubAllEnvs();
  });

  it('keeps going when requests fail: every URL gets its own outcome', async () => {
    const refused = 'http://127.0.0.1:1/200';
    const urls = [
      `${server.url}/200`,
      `${server.url}/500`,
      refused,
      `${server.url}/404`,
      `${server.url}/201`,
    ];

    const outcomes = await fetchPolitely(urls, { retries: 1, backoff: 0.01 });

    expect(outcomes.map((outcome) => [outcome.url, outcome.ok])).toEqual([
      [urls[0], true],
      [urls[1], false],
      [refused, false],
      [urls[3], false],
      [urls[4], true],
    ]);
    expect(describeOutcome(outcomes[1] as (typeof outcomes)[number])).toBe(
      `${urls[1]}: failed after 2 attempts (HttpStatusError: 500)`,
    );
  });

  it('retries a GET on 5xx with doubling backoff, never on 4xx', async () => {
    const options = { retries: 2, backoff: 0.1 };
    const [failing, missing] = await Promise.all([
      politeRequest(`${server.url}/503`, options),
      politeRequest(`${server.url}/404`, options),
    ]);

    expect(failing).toMatchObject({ ok: false, attempts: 3 });
    expect(missing).toMatchObject({ ok: false, attempts: 1 });
    expect(hitsOf('/404')).toHaveLength(1);
    const [first, second, third] = hitsOf('/503').map((hit) => hit.at) as [number, number, number];
    expect(second - first).toBeGreaterThanOrEqual(0.095);
    expect(third - second).toBeGreaterThanOrEqual(0.195);
  });

  it('retries a GET whose connection was lost, and succeeds once the server answers', async () => {
    const outcome = await politeRequest(`${server.url}/drop/2`, { retries: 2, backoff: 0.01 });

    expect(outcome).toMatchObject({ ok: true, status: 200, attempts: 3 });
  });

  it('never repeats a request that is not safe to repeat (POST)', async () => {
    const outcomes = await Promise.all([
      politeRequest(`${server.url}/503`, { method: 'POST', retries: 2, backoff: 0.01 }),
      politeRequest(`${server.url}/drop/1`, { method: 'POST', retries: 2, backoff: 0.01 }),
    ]);

    expect(outcomes.map((outcome) => [outcome.ok, outcome.attempts])).toEqual([
      [false, 1],
      [false, 1],
    ]);
    expect(server.hits.map((hit) => hit.method)).toEqual(['POST', 'POST']);
  });

  it('gives every request a deadline and does not retry one that ran out of time', async () => {
    const start = timer();
    const outcome = await politeRequest(`${server.url}/200?delay=5000`, { timeout: 0.2 });
    const took = timer() - start;

    expect(outcome).toMatchObject({ ok: false, attempts: 1 });
    expect(describeOutcome(outcome)).toMatch(/TimeoutError/);
    expect(took).toBeLessThan(1);
  });

  it('never has more requests in flight than the limit', async () => {
    const urls = Array.from({ length: 12 }, () => `${server.url}/200?delay=30`);

    const outcomes = await fetchPolitely(urls, { concurrency: 3 });

    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    expect(server.hits).toHaveLength(12);
    expect(server.maxInFlight).toBe(3);
  });
});
