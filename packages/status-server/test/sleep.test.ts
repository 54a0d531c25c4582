import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { MAX_SLEEP_MS, startStatusServer } from '../src/index.js';
import { parseSleep } from '../src/sleep-parameter.js';
import { elapsedMs, useServer } from './helpers.js';

const { server, client } = useServer({ latencyMs: 0, timeScale: 1 });

async function get(url: string) {
  const response = await request(url, { dispatcher: client });
  return { status: response.statusCode, body: await response.body.text() };
}

describe('?sleep=', () => {
  it.each([
    ['-1', '"-1"'],
    ['-0', '"-0"'],
    ['1.5', '"1.5"'],
    ['2.0', '"2.0"'],
    ['1e3', '"1e3"'],
    ['0x10', '"0x10"'],
    ['abc', '"abc"'],
    ['', '""'],
    ['%205', '" 5"'],
    ['300001', '"300001"'],
    ['99999999999999999999', '"99999999999999999999"'],
  ])('refuses sleep=%s with 400 saying what is allowed', async (raw, shown) => {
    const answer = await get(`${server().url}/200?sleep=${raw}`);
    expect(answer.status).toBe(400);
    expect(answer.body).toBe(
      `sleep must be a whole number of milliseconds from 0 to 300000 (got ${shown})`,
    );
  });

  it('refuses a sleep given twice', async () => {
    const answer = await get(`${server().url}/200?sleep=1&sleep=2`);
    expect(answer.status).toBe(400);
    expect(answer.body).toBe(
      'sleep must be a whole number of milliseconds from 0 to 300000, given once (got it 2 times)',
    );
  });

  it('accepts the whole numbers from 0 to 300000', () => {
    expect(parseSleep([])).toEqual({ ok: true, ms: 0 });
    expect(parseSleep(['0'])).toEqual({ ok: true, ms: 0 });
    expect(parseSleep(['0250'])).toEqual({ ok: true, ms: 250 });
    expect(parseSleep([String(MAX_SLEEP_MS)])).toEqual({ ok: true, ms: 300_000 });
  });

  it('answers sleep=0 with the status asked for', async () => {
    expect(await get(`${server().url}/404?sleep=0`)).toEqual({
      status: 404,
      body: '404 Not Found',
    });
  });

  it('delays the answer by at least the sleep asked for', async () => {
    let answer: Awaited<ReturnType<typeof get>> | undefined;
    const took = await elapsedMs(async () => {
      answer = await get(`${server().url}/200?sleep=150`);
    });
    expect(answer).toEqual({ status: 200, body: '200 OK' });
    // Node's timers never fire early by more than the 1 ms they round to.
    expect(took).toBeGreaterThanOrEqual(149);
  });

  it('scales the sleep by the time scale: sleep=2000 at 0.1 lasts 200 ms, not 2000', async () => {
    await using scaled = await startStatusServer({ latencyMs: 0, timeScale: 0.1 });
    const scaledMs = await elapsedMs(() => get(`${scaled.url}/200?sleep=2000`));
    expect(scaledMs).toBeGreaterThanOrEqual(199);
    // Unscaled, it could not end before 2000 ms; the 10x margin survives any load.
    expect(scaledMs).toBeLessThan(2000);
  });
});
