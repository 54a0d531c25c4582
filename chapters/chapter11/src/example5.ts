// Chapter11/example5.py: five pages downloaded at once, each streamed into output/<name>.html.
// Lesson: concurrent downloads take about as long as the slowest one, not the sum.
// Node: `Promise.all` is asyncio.gather, and `fetch` is aiohttp (one shared connection pool
// instead of a session per URL, which changes nothing visible). The file writes are
// fs/promises: Node's file I/O is already asynchronous, so aiofiles needs no twin. The book's
// URLs stay and name the files; the embedded pages server answers them (BOOK_ONLINE=1: the real
// sites), each after its own delay.
import { mkdir, open } from 'node:fs/promises';
import { posix } from 'node:path';
import { isMain, print, runMain } from '@mc/core';
import { timer } from '@mc/core/timeit';
import { openPages } from '@mc/pages-server';

/** Where a book URL is fetched from: `pages.resolve`. */
export type Resolve = (bookUrl: string) => string;

export const urls = [
  'http://packtpub.com',
  'http://python.org',
  'http://docs.python.org/3/library/asyncio',
  'http://aiohttp.readthedocs.io',
  'http://google.com',
] as const;

/** `output/<basename>.html`, always named after the book's URL: `output/asyncio.html`. */
export function outputFile(url: string, folder = 'output'): string {
  return `${folder}/${posix.basename(url)}.html`;
}

/** GETs `url` (redirects followed, any status) and writes its body to the file chunk by chunk, as it arrives. */
export async function downloadHtml(
  url: string,
  resolve: Resolve,
  folder = 'output',
): Promise<void> {
  const res = await fetch(resolve(url));
  const filename = outputFile(url, folder);

  const f = await open(filename, 'w');
  try {
    for await (const chunk of res.body ?? []) {
      await f.write(chunk);
    }
  } finally {
    await f.close();
  }
}

/** Downloads every URL at once into `folder` (created if missing); the seconds it took. */
export async function downloadAll(resolve: Resolve, folder = 'output'): Promise<number> {
  await mkdir(folder, { recursive: true });
  const start = timer();

  await Promise.all(urls.map((url) => downloadHtml(url, resolve, folder)));

  return timer() - start;
}

/** The program around a way of downloading (example6's too): the pages opened, `Took 0.43 seconds.` */
export async function printTook(download: (resolve: Resolve) => Promise<number>): Promise<void> {
  await using pages = await openPages();
  const took = await download((url) => pages.resolve(url));
  print(`Took ${took.toFixed(2)} seconds.`);
}

if (isMain(import.meta.url)) runMain(() => printTook(downloadAll), { options: {} });
