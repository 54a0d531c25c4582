import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { BASE_URL_VARIABLE, givenBaseUrl, openService } from '../src/service.js';
import { runExample, useStatusServer } from './helpers.js';

describe('service.ts (base URL given, or an embedded server)', () => {
  // Stands in for a real service with the same API, started apart from the examples.

  const elsewhere = useStatusServer(0.05);

  it('takes the base URL from --base-url, else from BOOK_BASE_URL, without a trailing slash', () => {
    const env = { [BASE_URL_VARIABLE]: 'http://127.0.0.1:9/' };
    expect(givenBaseUrl(['--base-url', 'http://127.0.0.1:8080/'], env)).toBe(
      'http://127.0.0.1:8080',
    );
    expect(givenBaseUrl([], env)).toBe('http://127.0.0.1:9');
    expect(givenBaseUrl([], {})).toBeUndefined();
    expect(() => givenBaseUrl(['--base-url', 'ftp://x'], {})).toThrow(/http or https/);
    expect(() => givenBaseUrl(['--port', '1'], {})).toThrow(/usage/);
  });

  it('starts an embedded server on 127.0.0.1 when none is given, and stops it after', async () => {
    let url = '';
    {
      await using service = await openService([], {});
      url = service.url;
      expect(service.embedded).toBe(true);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${url}/200`)).status).toBe(200);
    }
    await expect(fetch(`${url}/200`)).rejects.toThrow();
  });

  it('sends an example to the service named by --base-url, and its output names it', async () => {
    const run = await runExample('example2', {
      args: ['--base-url', elsewhere().url],
      timeScale: 0.05,
    });

    expect(run.code).toBe(0);
    expect(run.lines[0]).toBe(`${elsewhere().url}/200: 200 OK`);
    expect(run.lines.slice(0, 6).every((line) => line.startsWith(`${elsewhere().url}/`))).toBe(
      true,
    );
  });

  it(`sends an example to the service named by ${BASE_URL_VARIABLE}`, async () => {
    const env = { [BASE_URL_VARIABLE]: `${elsewhere().url}/` };
    const run = await runExample('example4', { env, timeScale: 0.05 });

    expect(run.code).toBe(0);
    expect(run.lines[5]).toBe(`${elsewhere().url}/524: 524 A Timeout Occurred`);
  });

  it('refuses a bad base URL with one line and status 2', async () => {
    const run = await runExample('example2', {
      args: ['--base-url', 'not a url'],
      timeScale: 0.05,
    });

    expect(run.code).toBe(2);
    expect(run.lines).toEqual([]);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it.each(['example3', 'example4', 'good_practices'])(
    '%s: a service that refuses the connection gets one line and status 1, before any request',
    async (name) => {
      const server = createServer().listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      const { port } = server.address() as { port: number };
      await new Promise((resolve) => server.close(resolve));

      const run = await runExample(name, {
        args: ['--base-url', `http://127.0.0.1:${port}`],
        timeScale: 0.05,
      });

      expect(run.code).toBe(1);
      expect(run.lines).toEqual([]);
      expect(run.stderr).toBe(
        `cannot connect to 127.0.0.1:${port}: connection refused, nothing listens there (ECONNREFUSED)\n`,
      );
    },
  );
});
