import { fetch, request } from 'undici';
import { describe, expect, it } from 'vitest';
import { useServer } from './helpers.js';

const { server, client } = useServer({ latencyMs: 0 });

async function get(path: string) {
  const response = await request(`${server().url}${path}`, { dispatcher: client });
  return {
    status: response.statusCode,
    headers: response.headers,
    body: await response.body.text(),
  };
}

describe('GET /{code}', () => {
  it.each([
    [200, '200 OK'],
    [201, '201 Created'],
    [202, '202 Accepted'],
    [301, '301 Moved Permanently'],
    [302, '302 Found'],
    [307, '307 Temporary Redirect'],
    [400, '400 Bad Request'],
    [404, '404 Not Found'],
    [408, '408 Request Timeout'],
    [418, "418 I'm a Teapot"],
    [429, '429 Too Many Requests'],
    [500, '500 Internal Server Error'],
    [503, '503 Service Unavailable'],
    [520, '520 Web Server Returned an Unknown Error'],
    [524, '524 A Timeout Occurred'],
    [599, '599 Network Connect Timeout Error'],
  ])('answers %i with that status and the body "%s" in plain text', async (code, body) => {
    const answer = await get(`/${code}`);
    expect(answer.status).toBe(code);
    expect(answer.body).toBe(body);
    expect(answer.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(answer.headers['content-length']).toBe(String(Buffer.byteLength(body)));
  });

  it('puts the same reason phrase on the status line, including unofficial codes', async () => {
    const response = await fetch(`${server().url}/524`, { dispatcher: client });
    expect(response.status).toBe(524);
    expect(response.statusText).toBe('A Timeout Occurred');
    expect(await response.text()).toBe('524 A Timeout Occurred');
  });

  it('answers a code nobody has named with the reason "Unassigned"', async () => {
    expect(await get('/299')).toMatchObject({ status: 299, body: '299 Unassigned' });
    expect(await get('/555')).toMatchObject({ status: 555, body: '555 Unassigned' });
  });

  it('sends no body and no content type for 204 No Content', async () => {
    const answer = await get('/204');
    expect(answer.status).toBe(204);
    expect(answer.body).toBe('');
    expect(answer.headers['content-type']).toBeUndefined();
    expect(answer.headers['content-length']).toBeUndefined();
  });

  it('sends no body for 304 Not Modified', async () => {
    const answer = await get('/304');
    expect(answer.status).toBe(304);
    expect(answer.body).toBe('');
    expect(answer.headers['content-type']).toBeUndefined();
  });

  it('does not send a redirect location, so fetch returns the 3xx itself', async () => {
    const response = await fetch(`${server().url}/301`, { dispatcher: client });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toBe('301 Moved Permanently');
  });

  it.each([100, 101, 102, 103, 150, 199])(
    'refuses %i with 400, because HTTP/1.1 cannot end a request with a 1xx',
    async (code) => {
      const answer = await get(`/${code}`);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatch(
        new RegExp(`^${code} .* is informational: .*codes from 200 to 599$`),
      );
    },
  );

  it('answers every code from 200 to 599 with itself and keeps the connection usable', async () => {
    for (let code = 200; code <= 599; code += 1) {
      const answer = await get(`/${code}`);
      expect(answer.status).toBe(code);
      if (code !== 204 && code !== 304) expect(answer.body).toMatch(new RegExp(`^${code} \\S`));
    }
  });
});
