// Chapter11/example6.py: the same five pages, one after another, with a blocking client (requests).
// Lesson: sequential downloads take the sum of their times; beside example5, the gain of
// concurrency for I/O. Node has no blocking HTTP client: each `fetch` is awaited before the next
// starts, one request at a time, which is what the book's loop does. The text is decoded as
// requests decodes it (src/requests-text.ts: ISO-8859-1 when a text/html answer names no charset)
// and written as UTF-8, so the two documentation pages come out double-encoded, as in the book's
// saved files; google.com's Latin-1 page, which names its charset, is transcoded correctly.
import { writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { isMain, runMain } from '@mc/core';
import { timer } from '@mc/core/timeit';
import { outputFile, printTook, type Resolve, urls } from './example5.js';
import { requestsText } from './requests-text.js';

/** GETs `url`, decodes it as requests' `res.text`, writes it as UTF-8 text. */
export async function downloadHtml(
  url: string,
  resolve: Resolve,
  folder = 'output',
): Promise<void> {
  const res = await fetch(resolve(url));
  const text = requestsText(res.headers.get('content-type'), Buffer.from(await res.arrayBuffer()));

  // open(filename, 'w') and write: Python encodes text files in UTF-8 here (macOS, Linux).
  writeFileSync(outputFile(url, folder), text, 'utf8');
}

/** Downloads every URL in turn into `folder` (created if missing); the seconds it took. */
export async function downloadAll(resolve: Resolve, folder = 'output'): Promise<number> {
  await mkdir(folder, { recursive: true });
  const start = timer();

  for (const url of urls) {
    await downloadHtml(url, resolve, folder);
  }

  return timer() - start;
}

if (isMain(import.meta.url)) runMain(() => printTook(downloadAll), { options: {} });
