import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Agent, request } from 'undici';
import { describe, expect, it } from 'vitest';
import { startStatusServer } from '../src/index.js';
import { elapsedMs, waitUntil } from './helpers.js';

const SLEEP_MS = 60_000;

describe('close', () => {
  it('ends requests still sleeping at once: clients see an error, not a hang', async () => {
    const client = new Agent();
    const server = await startStatusServer({ latencyMs: 0, timeScale: 1 });
    try {
      const pending = Array.from({ length: 5 }, (_, i) =>
        request(`${server.url}/${200 + i}?sleep=${SLEEP_MS}`, { dispatcher: client }).then(
          () => 'answered',
          (error: Error) => error,
        ),
      );
      await waitUntil(() => server.inFlight === 5, 'the server holds the 5 sleeping requests');

      const closeMs = await elapsedMs(() => server.close());
      const outcomes = await Promise.all(pending);

      expect(closeMs).toBeLessThan(SLEEP_MS / 20);
      for (const outcome of outcomes) {
        expect(outcome).toBeInstanceOf(Error);
        expect((outcome as Error & { code?: string }).code).toBe('UND_ERR_SOCKET');
      }
      expect(server.inFlight).toBe(0);
    } finally {
      await client.close();
    }
  });

  it('ends idle keep-alive connections too, and can be called twice', async () => {
    const client = new Agent();
    const server = await startStatusServer({ latencyMs: 0 });
    const response = await request(`${server.url}/200`, { dispatcher: client });
    await response.body.text();
    const first = server.close();
    const second = server.close();
    expect(second).toBe(first);
    await first;
    await expect(request(`${server.url}/200`, { dispatcher: client })).rejects.toThrow();
    await client.close();
  });

  it('stops the server at the end of an await using block', async () => {
    let url = '';
    {
      await using server = await startStatusServer({ latencyMs: 0 });
      url = server.url;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    }
    const client = new Agent();
    await expect(request(`${url}/200`, { dispatcher: client })).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
    await client.close();
  });

  it('leaves nothing that keeps the process alive once closed with requests sleeping', async () => {
    const script = fileURLToPath(new URL('fixtures/close-while-sleeping.mjs', import.meta.url));
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, [script], { timeout: SLEEP_MS / 4 });
    // The script ends by itself: if a timer or socket were left, it would run for the whole sleep
    // and execFile would kill it at the timeout, failing this test.
    expect(stdout.trim()).toBe('closed; the sleeping client saw: UND_ERR_SOCKET');
  });
});
