// Mirrors Chapter10/aiohttp_client.py: one HTTP GET of http://python.org, awaited, and the length
// of the page's text printed: its characters, not its bytes (the page holds a two-byte `ü`). Node's
// own `fetch` is the client (it follows the redirect, as aiohttp does). By default the book's URL
// goes to the embedded pages server on 127.0.0.1, which imitates the page; BOOK_ONLINE=1 fetches
// the real site. Certificate checks stay on: the book's `ssl=False` is not copied.
import { isMain, print, runMain } from '@mc/core';
import { run } from '@mc/core/asyncio';
import { openPages } from '@mc/pages-server';

/** The body of `url` as text; `fetch` decodes it as UTF-8, the page's declared charset. */
export async function getHtml(url: string): Promise<string> {
  const response = await fetch(url);
  return await response.text();
}

export async function main(): Promise<void> {
  // Defined and never used, as in the book.
  const urls = ['http://python.org', 'http://google.com', ''];
  void urls;

  await using pages = await openPages();
  const html = await getHtml(pages.resolve('http://python.org'));
  // Python's len() counts code points; a string's length counts UTF-16 units: spread it to count
  // characters, so one outside the BMP would count once too.
  print([...html].length);
}

if (isMain(import.meta.url)) runMain(() => run(main()), { options: {} });
