// Chapter11/example4.py: one GET of http://packtpub.com with an HTTP client session, the body printed.
// Lesson: the shape of an awaited request; nothing else runs meanwhile. Node: the built-in
// `fetch` is aiohttp's session.get (it follows redirects, and a 403 is an answer, not an error),
// and a top-level `await` replaces run_until_complete. The book's URL stays; the embedded pages
// server answers it (BOOK_ONLINE=1: the real site).
import { isMain, print, runMain } from '@mc/core';
import { openPages, type Pages } from '@mc/pages-server';

export async function getHtml(pages: Pages, url: string): Promise<string> {
  const res = await fetch(pages.resolve(url));
  return res.text();
}

async function main(): Promise<void> {
  await using pages = await openPages();
  const html = await getHtml(pages, 'http://packtpub.com');
  print(html);
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
