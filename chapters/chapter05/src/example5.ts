// Chapter05/example5.py: example4's threads over three URLs, one of them answering after 20 s.
// Lesson: joining every thread means the batch takes as long as its slowest request; one slow
// server holds the whole program.
// Node: the same event-loop threads as example4; the 20 s wait is the server's `?sleep=20000`,
// scaled by BOOK_TIME_SCALE like every book duration.
import { isMain, runMain } from '@mc/core';
import { fetchAll } from './example4.js';
import { openService, statusUrl } from './service.js';

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
