import { watchRequestsInFlight } from '@mc/testing';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { elapsedMs, useServer } from './helpers.js';

const BOOK_CODES = [200, 400, 404, 408, 500, 524];
const { server, client } = useServer({ latencyMs: 100, timeScale: 1 });

async function ping(code: number): Promise<string> {
  const response = await request(`${server().url}/${code}`, { dispatcher: client });
  return response.body.text();
}

describe('latency', () => {
  it('makes concurrency visible: six concurrent requests wait together, sequential ones in turn', async () => {
    const sequential = await watchRequestsInFlight(async () => {
      for (const code of BOOK_CODES) await ping(code);
    });
    const concurrent = await watchRequestsInFlight(() => Promise.all(BOOK_CODES.map(ping)));
    expect(sequential.most).toBe(1);
    // Every answer waits 100 ms: ample time for all six to arrive before the first is answered.
    expect(concurrent.most).toBe(6);
    expect(concurrent.value).toEqual(BOOK_CODES.map((code) => expect.stringMatching(`^${code} `)));
  });

  it('applies to every answer, refusals included', async () => {
    for (const [method, path] of [
      ['GET', '/'],
      ['GET', '/200'],
      ['HEAD', '/204'],
      ['GET', '/nope'],
      ['GET', '/200?sleep=x'],
      ['POST', '/200'],
    ] as const) {
      const took = await elapsedMs(() =>
        request(`${server().url}${path}`, { dispatcher: client, method }).then((r) =>
          r.body.text(),
        ),
      );
      expect(took).toBeGreaterThanOrEqual(99);
    }
  });

  it('adds the sleep on top of the latency', async () => {
    const took = await elapsedMs(() =>
      request(`${server().url}/200?sleep=100`, { dispatcher: client }).then((r) => r.body.text()),
    );
    expect(took).toBeGreaterThanOrEqual(199);
  });

  it('answers 200 concurrent requests, each with its own code', async () => {
    const codes = Array.from({ length: 200 }, (_, i) => 200 + 2 * i);
    const bodies = await Promise.all(
      codes.map(async (code) => {
        const response = await request(`${server().url}/${code}`, { dispatcher: client });
        return { status: response.statusCode, body: await response.body.text() };
      }),
    );
    bodies.forEach(({ status, body }, i) => {
      const code = codes[i] ?? 0;
      expect(status).toBe(code);
      if (code !== 204 && code !== 304) expect(body.startsWith(`${code} `)).toBe(true);
    });
  });
});
