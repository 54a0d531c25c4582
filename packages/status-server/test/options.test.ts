import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LATENCY_MS, startStatusServer } from '../src/index.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('startStatusServer options', () => {
  it('binds 127.0.0.1 on a free port with the default latency and a URL without trailing slash', async () => {
    await using server = await startStatusServer();
    expect(server.host).toBe('127.0.0.1');
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.latencyMs).toBe(DEFAULT_LATENCY_MS);
    expect(server.inFlight).toBe(0);
  });

  it('reads the time scale from BOOK_TIME_SCALE when none is given', async () => {
    vi.stubEnv('BOOK_TIME_SCALE', '0.01');
    await using server = await startStatusServer({ latencyMs: 0 });
    expect(server.timeScale).toBe(0.01);
  });

  it('prefers a time scale given in code over the environment', async () => {
    vi.stubEnv('BOOK_TIME_SCALE', '0.01');
    await using server = await startStatusServer({ latencyMs: 0, timeScale: 2 });
    expect(server.timeScale).toBe(2);
  });

  it.each([
    [{ port: -1 }, 'port must be a whole number from 0 to 65535, got -1'],
    [{ port: 70_000 }, 'port must be a whole number from 0 to 65535, got 70000'],
    [{ latencyMs: 1.5 }, 'latencyMs must be a whole number from 0 to 300000, got 1.5'],
    [{ latencyMs: -10 }, 'latencyMs must be a whole number from 0 to 300000, got -10'],
    [{ timeScale: -1 }, 'timeScale must be a non-negative number such as 1 or 0.01, got -1'],
    [
      { timeScale: Number.NaN },
      'timeScale must be a non-negative number such as 1 or 0.01, got NaN',
    ],
  ])('refuses %o with a RangeError saying what is allowed', async (options, message) => {
    await expect(startStatusServer(options)).rejects.toThrow(new RangeError(message));
  });

  it('rejects when the port is taken, naming the cause', async () => {
    await using first = await startStatusServer({ latencyMs: 0 });
    await expect(startStatusServer({ port: first.port })).rejects.toMatchObject({
      code: 'EADDRINUSE',
    });
  });
});
