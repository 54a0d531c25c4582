// Chapter05/example2.py: ping six status-code pages, one after another.
// Lesson: each request waits for its answer before the next starts, so the waits add up.
// Node: undici's `request` stands in for `requests.get`; the pages are the embedded server's
// `/{code}` (or those of the base URL given), which answer with the body `{code} {reason}`.
import { isMain, print, runMain } from '@mc/core';
import { request } from 'undici';
import { BOOK_STATUS_CODES, openService, statusUrl } from './service.js';

/** GETs `url` and prints `{url}: {body}`, whatever the status. */
export async function ping(url: string): Promise<void> {
  const res = await request(url);
  print(`${url}: ${await res.body.text()}`);
}

/** The book's six URLs on a service. */
export function bookUrls(baseUrl: string): string[] {
  return BOOK_STATUS_CODES.map((code) => statusUrl(baseUrl, code));
}

async function main(): Promise<void> {
  await using service = await openService();
  for (const url of bookUrls(service.url)) {
    await ping(url);
  }
  print('Done.');
}

if (isMain(import.meta.url)) runMain(main);
