// Chapter05/example5.py: example4's threads over three URLs, one of them answering after 20 s.
// Lesson: joining every thread means the batch takes as long as its slowest request; one slow
// server holds the whole program.
// Node: example4's `MyThread` and loop, written out again as the book does; the 20 s wait is the server's `?sleep=20000`,
// scaled by BOOK_TIME_SCALE like every book duration.
import { isMain, print, runMain, signSpace } from '@mc/core';
import { Thread, type ThreadOptions } from '@mc/core/threading';
import { timer } from '@mc/core/timeit';
import { request } from 'undici';
import { openService, statusUrl } from './service.js';

/** A thread that GETs `url` and keeps `{url}: {body}` in `result`. */
export class MyThread extends Thread {
  result: string | undefined = undefined;

  constructor(
    readonly url: string,
    options: ThreadOptions = {},
  ) {
    super(options);
  }

  override async run(): Promise<void> {
    const res = await request(this.url);
    this.result = `${this.url}: ${await res.body.text()}`;
  }
}

/**
 * Starts a `MyThread` per URL, joins them all, prints each result in URL order, then
 * `Took  X.XX seconds` and `Done.`. Returns the seconds taken.
 */
export async function fetchAll(urls: readonly string[]): Promise<number> {
  const start = timer();
  const threads = urls.map((url) => new MyThread(url));
  for (const thread of threads) await thread.start();
  for (const thread of threads) await thread.join();
  for (const thread of threads) print(thread.result);
  const took = timer() - start;
  print(`Took ${signSpace(took)} seconds`);
  print('Done.');
  return took;
}

/** The slow request's delay, in book milliseconds. */
export const SLOW_SLEEP_MS = 20_000;

/** The book's three URLs: 200, 200 after 20 s, 400. */
export function slowBatchUrls(baseUrl: string): string[] {
  return [statusUrl(baseUrl, 200), statusUrl(baseUrl, 200, SLOW_SLEEP_MS), statusUrl(baseUrl, 400)];
}

async function main(): Promise<void> {
  await using service = await openService();
  await fetchAll(slowBatchUrls(service.url));
}

if (isMain(import.meta.url)) runMain(main);
