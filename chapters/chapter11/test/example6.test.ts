import { BOOK_SITES } from '@mc/pages-server';
import { packageDirOf, runExample } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { downloadAll } from '../src/example6.js';
import { FILE_NAMES, siteOf, useDownloads, waitOf } from './downloads.js';

const packageDir = packageDirOf(import.meta.url);

/** What requests + a UTF-8 text file make of a body it decoded as ISO-8859-1. */
const latin1ToUtf8 = (body: Buffer) => Buffer.from(body.toString('latin1'), 'utf8');

describe('example6.py', () => {
  const downloads = useDownloads();

  it('sends one request at a time, in the book order, so it waits at least the sum of the pages', async () => {
    const took = await downloadAll(downloads.server().resolve, downloads.folder());

    expect(downloads.server().peakInFlight).toBe(1);
    expect(downloads.server().answered.map((request) => request.target)).toEqual([
      '/packtpub.com/',
      '/python.org/',
      '/www.python.org/',
      '/docs.python.org/3/library/asyncio',
      '/docs.python.org/3/library/asyncio.html',
      '/aiohttp.readthedocs.io/',
      '/aiohttp.readthedocs.io/en/stable/',
      '/google.com/',
      '/www.google.com/',
    ]);
    expect(took).toBeGreaterThanOrEqual(
      waitOf(
        BOOK_SITES.map((site) => site.delayMs),
        'sum',
      ),
    );
  });

  it("decodes as requests does: the book's mojibake where no charset is named, Latin-1 transcoded where it is", async () => {
    await downloadAll(downloads.server().resolve, downloads.folder());
    const files = await downloads.files();
    const file = (name: string) => files.get(name) ?? Buffer.alloc(0);

    expect([...files.keys()]).toEqual(FILE_NAMES);
    // Declared UTF-8, and plain ASCII: the bytes served.
    expect(file('python.org.html').equals(siteOf('python.org.html').body)).toBe(true);
    expect(file('packtpub.com.html').equals(siteOf('packtpub.com.html').body)).toBe(true);
    // Declared ISO-8859-1: the 0xA0 byte becomes U+00A0 in UTF-8, C2 A0.
    expect(file('google.com.html').equals(latin1ToUtf8(siteOf('google.com.html').body))).toBe(true);
    expect(file('google.com.html').includes(Buffer.from([0xc2, 0xa0]))).toBe(true);
    // text/html without a charset: UTF-8 read as ISO-8859-1, an em dash E2 80 94 written C3 A2 C2 80 C2 94.
    for (const name of ['asyncio.html', 'aiohttp.readthedocs.io.html']) {
      expect(file(name).equals(latin1ToUtf8(siteOf(name).body)), name).toBe(true);
    }
    expect(file('asyncio.html').includes(Buffer.from([0xc3, 0xa2, 0xc2, 0x80, 0xc2, 0x94]))).toBe(
      true,
    );
    expect(file('asyncio.html').includes(Buffer.from('—'))).toBe(false);
    // The sizes of the files the book saved in Chapter11/output.
    expect(FILE_NAMES.map((name) => file(name).length)).toEqual([
      26_679, 13_590, 12_137, 168, 50_027,
    ]);
  });

  it('as a program: one line "Took N.NN seconds."', async () => {
    const run = await runExample(packageDir, 'example6', {
      timeScale: 0.01,
      env: { BOOK_ONLINE: undefined },
    });

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Took \d+\.\d{2} seconds\.\n$/);
  });
});
