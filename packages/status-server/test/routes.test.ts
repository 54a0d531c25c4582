import { Agent, request } from 'undici';
import { describe, expect, it } from 'vitest';
import { useServer } from './helpers.js';

const { server, client } = useServer({ latencyMs: 0 });

describe('routes', () => {
  it.each([
    '/nope',
    '/600',
    '/099',
    '/2000',
    '/20',
    '/200/',
    '/200/extra',
    '/favicon.ico',
    '//200',
  ])('answers %s with 404 and one line saying what exists', async (path) => {
    const response = await request(`${server().url}${path}`, { dispatcher: client });
    const body = await response.body.text();
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(body).toBe(
      `No page at ${path}: this server answers / (its home page) and /{code} for codes from 200 to 599`,
    );
    expect(body).not.toContain('\n');
  });

  it('ignores query parameters other than sleep', async () => {
    const response = await request(`${server().url}/418?colour=blue`, { dispatcher: client });
    expect(response.statusCode).toBe(418);
    expect(await response.body.text()).toBe("418 I'm a Teapot");
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const)(
    'answers %s with 405 and allow: GET, HEAD',
    async (method) => {
      const response = await request(`${server().url}/200`, {
        dispatcher: client,
        method,
        body: method === 'POST' || method === 'PUT' ? 'ignored=1' : undefined,
      });
      expect(response.statusCode).toBe(405);
      expect(response.headers.allow).toBe('GET, HEAD');
      expect(await response.body.text()).toBe(
        `${method} is not allowed: this server answers GET and HEAD only`,
      );
    },
  );

  it('keeps serving the same connection after refusing a request with a body', async () => {
    const keepAlive = new Agent({ connections: 1 });
    try {
      const refused = await request(`${server().url}/200`, {
        dispatcher: keepAlive,
        method: 'POST',
        body: 'x'.repeat(10_000),
      });
      await refused.body.text();
      const next = await request(`${server().url}/201`, { dispatcher: keepAlive });
      expect(next.statusCode).toBe(201);
      expect(await next.body.text()).toBe('201 Created');
    } finally {
      await keepAlive.close();
    }
  });
});
