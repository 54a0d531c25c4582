// Addition beside Chapter05/example6.py: the same four requests, each with its own deadline.
// Lesson: a deadline given to the request itself cuts it at 5 s and closes its connection, so no
// thread is left waiting and nothing needs polling.
// Node: `AbortSignal.timeout(ms)` passed to undici's `request` is the idiomatic per-request
// timeout (Python's `requests.get(url, timeout=...)`); plain async functions replace the threads.
import { isMain, print, runMain, scaledMilliseconds, signSpace } from '@mc/core';
import { timer } from '@mc/core/timeit';
import { request } from 'undici';
import { timeoutUrls } from './example6.js';
import { openService } from './service.js';

/** GETs `url` within `timeout` book seconds: `{url}: {body}`, or `{url}: Custom timeout`. */
export async function pingWithDeadline(url: string, timeout = 5): Promise<string> {
  const signal = AbortSignal.timeout(scaledMilliseconds(timeout));
  try {
    const res = await request(url, { signal });
    return `${url}: ${await res.body.text()}`;
  } catch (error) {
    if (signal.aborted) return `${url}: Custom timeout`;
    throw error;
  }
}

/** Requests every URL at once, each with its deadline; prints the results in URL order. */
export async function fetchWithDeadlines(urls: readonly string[], timeout = 5): Promise<string[]> {
  const start = timer();
  const results = await Promise.all(urls.map((url) => pingWithDeadline(url, timeout)));
  for (const result of results) print(result);
  // As example6 prints it: the book's `: .2f` (core's signSpace).
  print(`Took ${signSpace(timer() - start)} seconds`);
  print('Done.');
  return results;
}

async function main(): Promise<void> {
  await using service = await openService();
  await fetchWithDeadlines(timeoutUrls(service.url));
}

if (isMain(import.meta.url)) runMain(main);
