// Chapter05/example3.py: the six pings sequentially, then one thread each.
// Lesson: sequential requests take the sum of their waits; concurrent ones about the longest.
// Node: each `Thread` is an event-loop task, and a request waiting on the network yields the loop
// as a Python thread waiting on a socket releases the GIL, so the six waits overlap.
import { isMain, runMain } from '@mc/core';
import { Thread } from '@mc/core/threading';
import { timer } from '@mc/core/timeit';
import { bookUrls, ping } from './example2.js';
import { openService } from './service.js';

/** Seconds taken by each half. */
export interface Timings {
  sequential: number;
  threading: number;
}

/** Pings every URL in turn, then all at once on a thread each; prints both timings. */
export async function compare(urls: readonly string[]): Promise<Timings> {
  let start = timer();
  for (const url of urls) {
    await ping(url);
  }
  const sequential = timer() - start;
  // The book's `: .2f` has the space flag: a space before a non-negative number, so two spaces.
  console.log(`Sequential:  ${sequential.toFixed(2)} seconds`);

  console.log();

  start = timer();
  const threads = urls.map((url) => new Thread({ target: ping, args: [url] }));
  for (const thread of threads) thread.start();
  for (const thread of threads) await thread.join();
  const threading = timer() - start;
  console.log(`Threading:  ${threading.toFixed(2)} seconds`);
  return { sequential, threading };
}

async function main(): Promise<void> {
  await using service = await openService();
  await compare(bookUrls(service.url));
}

if (isMain(import.meta.url)) runMain(main);
