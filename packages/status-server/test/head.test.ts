import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { useServer } from './helpers.js';

const { server, client } = useServer({ latencyMs: 0 });

async function headersOf(method: 'GET' | 'HEAD', path: string) {
  const response = await request(`${server().url}${path}`, { dispatcher: client, method });
  const body = await response.body.text();
  // undici closes the connection after a HEAD (in case a server sends a body anyway), so
  // the connection headers differ; every other header must match.
  const {
    date: _date,
    connection: _connection,
    'keep-alive': _keepAlive,
    ...headers
  } = response.headers;
  return { status: response.statusCode, headers, body };
}

describe('HEAD', () => {
  it.each(['/', '/200', '/404', '/524', '/nope', '/200?sleep=x'])(
    'answers HEAD %s with the status and headers of GET and no body',
    async (path) => {
      const get = await headersOf('GET', path);
      const head = await headersOf('HEAD', path);
      expect(head.status).toBe(get.status);
      expect(head.headers).toEqual(get.headers);
      expect(head.headers['content-length']).toBe(String(Buffer.byteLength(get.body)));
      expect(head.body).toBe('');
    },
  );
});
