import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOK_SITES, bookSite, type PagesServer, startPagesServer } from '../src/index.js';

let pages: PagesServer;
beforeAll(async () => {
  pages = await startPagesServer({ timeScale: 0 });
});
afterAll(() => pages.close());

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}

describe('the five sites', () => {
  it.each(BOOK_SITES.map((site) => [site.bookUrl, site] as const))(
    '%s: fetch follows to the final page, with its status, content type and exact bytes',
    async (bookUrl, site) => {
      const response = await fetch(pages.resolve(bookUrl));
      expect(response.status).toBe(site.status);
      expect(response.headers.get('content-type')).toBe(site.contentType);
      expect(response.url).toBe(`${pages.url}/${site.finalKey}`);
      expect(Buffer.from(await response.arrayBuffer()).equals(site.body)).toBe(true);
    },
  );

  it('answers the bare domains with a redirect first, as the real sites did', async () => {
    const first = await fetch(pages.resolve('http://python.org'), { redirect: 'manual' });
    expect(first.status).toBe(301);
    expect(first.headers.get('location')).toBe('/www.python.org/');
    const docs = await fetch(pages.resolve('http://aiohttp.readthedocs.io'), {
      redirect: 'manual',
    });
    expect(docs.status).toBe(302);
    expect(docs.headers.get('location')).toBe('/aiohttp.readthedocs.io/en/stable/');
  });

  it('python.org: 50,027 bytes of UTF-8 but 50,026 characters, titled as the real page', async () => {
    const text = await (await fetch(pages.resolve('http://python.org'))).text();
    expect(bookSite('http://python.org')?.body.byteLength).toBe(50_027);
    expect([...text].length).toBe(50_026);
    expect(count(text, 'ü')).toBe(1);
    expect(text).toContain('<title>Welcome to Python.org</title>');
  });

  it('the documentation pages carry their non-ASCII characters and no charset', async () => {
    const asyncio = bookSite('http://docs.python.org/3/library/asyncio');
    const aiohttp = bookSite('http://aiohttp.readthedocs.io');
    const asyncioText = asyncio?.body.toString('utf8') ?? '';
    const aiohttpText = aiohttp?.body.toString('utf8') ?? '';
    expect([count(asyncioText, '—'), count(asyncioText, '¶')]).toEqual([2, 1]);
    expect(asyncio?.body.byteLength).toBe(13_582);
    expect(['¶', '’', '“', '”'].map((character) => count(aiohttpText, character))).toEqual([
      13, 5, 2, 2,
    ]);
    expect(aiohttp?.body.byteLength).toBe(26_626);
    expect(asyncio?.contentType).toBe('text/html');
  });

  it('google.com: Latin-1, one 0xA0 byte, charset declared in the header', () => {
    const google = bookSite('http://google.com');
    const body = google?.body ?? Buffer.alloc(0);
    expect(body.byteLength).toBe(12_136);
    expect(body.filter((byte) => byte >= 0x80)).toEqual(Buffer.from([0xa0]));
    expect(google?.contentType).toBe('text/html; charset=ISO-8859-1');
  });

  it('packtpub.com: the 168-byte 403 page, seven CRLF lines', () => {
    const body = bookSite('http://packtpub.com')?.body.toString('latin1') ?? '';
    expect(body.length).toBe(168);
    expect(body.split('\r\n')).toHaveLength(8);
    expect(body).toContain('<center><h1>403 Forbidden</h1></center>');
  });

  it('answers anything else with a 404 naming what it imitates, and refuses other methods', async () => {
    const missing = await fetch(pages.resolve('http://example.com/x'));
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain(
      'this server imitates http://packtpub.com, http://python.org',
    );
    const post = await fetch(pages.resolve('http://python.org'), { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    const head = await fetch(pages.resolve('http://google.com'), { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe('12136');
  });
});
