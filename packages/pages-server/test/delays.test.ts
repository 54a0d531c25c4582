import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { BOOK_SITES, startPagesServer } from '../src/index.js';

const SCALE = 0.25;

async function download(url: string): Promise<number> {
  return (await (await fetch(url)).arrayBuffer()).byteLength;
}

describe('per-page delays', () => {
  it('holds each page at least its own scaled delay', async () => {
    await using pages = await startPagesServer({ timeScale: SCALE });
    for (const site of BOOK_SITES) {
      const started = performance.now();
      await download(pages.resolve(site.bookUrl));
      // A lower bound only: a loaded machine can make it longer, never shorter.
      expect(performance.now() - started).toBeGreaterThanOrEqual(site.delayMs * SCALE - 1);
    }
  });

  it('keeps pages in flight together when fetched concurrently, one at a time when not', async () => {
    await using concurrent = await startPagesServer({ timeScale: SCALE });
    await Promise.all(BOOK_SITES.map((site) => download(concurrent.resolve(site.bookUrl))));
    // All five at once on a quiet machine; on a loaded one the shortest page (25 ms here) can be
    // answered before the last request has followed its redirects. A server that answered one
    // request at a time would show 1.
    expect(concurrent.peakInFlight).toBeGreaterThan(1);
    expect(concurrent.peakInFlight).toBeLessThanOrEqual(BOOK_SITES.length);

    await using sequential = await startPagesServer({ timeScale: SCALE });
    for (const site of BOOK_SITES) await download(sequential.resolve(site.bookUrl));
    expect(sequential.peakInFlight).toBe(1);
    expect(sequential.answered.map((request) => request.status)).toEqual([
      403, 301, 200, 301, 200, 302, 200, 301, 200,
    ]);
  });
});
