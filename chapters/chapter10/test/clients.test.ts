import { bookSite, startPagesServer } from '@mc/pages-server';
import { exampleRunner } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { getHtml as aiohttpGetHtml } from '../src/aiohttp_client.js';
import { getHtml as customGetHtml } from '../src/custom_client.js';

const runExample = exampleRunner(import.meta.url, { limitSeconds: 40 });

const PAGE = bookSite('http://python.org')?.body ?? Buffer.alloc(0);

describe.each([
  ['aiohttp_client', aiohttpGetHtml],
  ['custom_client', customGetHtml],
])('%s.py', (name, getHtml) => {
  it('prints the page length in characters (50,026), not bytes (50,027), offline', async () => {
    const run = await runExample(name, { timeScale: 0.01, env: { BOOK_ONLINE: undefined } });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${[...PAGE.toString('utf8')].length}\n`);
    expect(run.stdout).not.toBe(`${PAGE.byteLength}\n`);
  });

  it('follows the redirect to the page and decodes it as its charset says', async () => {
    await using pages = await startPagesServer({ timeScale: 0 });
    const html = await getHtml(pages.resolve('http://python.org'));
    expect(html).toBe(PAGE.toString('utf8'));
    expect(pages.answered.map((request) => request.status)).toEqual([301, 200]);
  });
});

describe('custom_client.py', () => {
  it('decodes a Latin-1 page by its declared charset', async () => {
    await using pages = await startPagesServer({ timeScale: 0 });
    const html = await customGetHtml(pages.resolve('http://google.com'));
    expect(html).toBe(bookSite('http://google.com')?.body.toString('latin1'));
    expect(html).toContain('\u00a0');
  });
});
