import { existsSync } from 'node:fs';
import { BOOK_SITES } from '@mc/pages-server';
import { packageDirOf, runExample } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { downloadAll, outputFile, urls } from '../src/example5.js';
import { FILE_NAMES, siteOf, useDownloads, waitOf } from './downloads.js';

const packageDir = packageDirOf(import.meta.url);

describe('example5.py', () => {
  const downloads = useDownloads();

  it('names each file after the basename of the book URL', () => {
    expect(urls.map((url) => outputFile(url))).toEqual([
      'output/packtpub.com.html',
      'output/python.org.html',
      'output/asyncio.html',
      'output/aiohttp.readthedocs.io.html',
      'output/google.com.html',
    ]);
  });

  it('writes five files holding exactly the bytes served, after following the redirects', async () => {
    await downloadAll(downloads.server().resolve, downloads.folder());
    const files = await downloads.files();

    expect([...files.keys()]).toEqual(FILE_NAMES);
    for (const [name, bytes] of files) expect(bytes.equals(siteOf(name).body), name).toBe(true);
    expect(files.get('packtpub.com.html')?.length).toBe(168);
    // Four redirects answered, then five pages: each file is a final page, not a redirect's empty body.
    const statuses = downloads
      .server()
      .answered.map((request) => request.status)
      .sort();
    expect(statuses).toEqual([200, 200, 200, 200, 301, 301, 301, 302, 403]);
  });

  it('has all five requests in flight at once, so it waits at least the slowest page', async () => {
    const took = await downloadAll(downloads.server().resolve, downloads.folder());

    expect(downloads.server().peakInFlight).toBe(5);
    expect(took).toBeGreaterThanOrEqual(
      waitOf(
        BOOK_SITES.map((site) => site.delayMs),
        'max',
      ),
    );
  });

  it('as a program: one line "Took N.NN seconds.", the files in output/', async () => {
    const run = await runExample(packageDir, 'example5', {
      timeScale: 0.01,
      env: { BOOK_ONLINE: undefined },
    });

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Took \d+\.\d{2} seconds\.\n$/);
    for (const name of FILE_NAMES)
      expect(existsSync(`${packageDir}/output/${name}`), name).toBe(true);
  });
});
