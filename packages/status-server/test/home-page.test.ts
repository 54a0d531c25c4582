import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { HOME_PAGE_HTML, startStatusServer } from '../src/index.js';
import { useServer } from './helpers.js';

const { server, client } = useServer({ latencyMs: 0 });

describe('GET /', () => {
  it('serves the home page as HTML with ordinary headers', async () => {
    const response = await request(`${server().url}/`, { dispatcher: client });
    const body = await response.body.text();
    expect(response.statusCode).toBe(200);
    expect(body).toBe(HOME_PAGE_HTML);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-length']).toBe(String(Buffer.byteLength(body)));
    expect(response.headers['cache-control']).toBe('private, max-age=0');
    expect(response.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(Number.isNaN(Date.parse(String(response.headers.date)))).toBe(false);
  });

  it('is a well-formed page of a few kilobytes', () => {
    const size = Buffer.byteLength(HOME_PAGE_HTML);
    expect(size).toBeGreaterThan(2_000);
    expect(size).toBeLessThan(10_000);
    expect(HOME_PAGE_HTML.startsWith('<!doctype html>')).toBe(true);
    expect(HOME_PAGE_HTML.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('is the same bytes and entity tag from every server, every time', async () => {
    await using other = await startStatusServer({ latencyMs: 0 });
    const first = await request(`${server().url}/`, { dispatcher: client });
    const second = await request(`${other.url}/`, { dispatcher: client });
    expect(await second.body.text()).toBe(await first.body.text());
    expect(second.headers.etag).toBe(first.headers.etag);
  });

  it('honours sleep like the status routes do', async () => {
    const response = await request(`${server().url}/?sleep=nope`, { dispatcher: client });
    expect(response.statusCode).toBe(400);
    await response.body.text();
  });
});
