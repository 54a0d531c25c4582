// Chapter05/example3.py: the six pings sequentially, then one thread each (example2's `ping`
// written out again, as the book does).
// Lesson: sequential requests take the sum of their waits; concurrent ones about the longest.
// Node: each `Thread` is an event-loop task, and a request waiting on the network yields the loop
// as a Python thread waiting on a socket releases the GIL, so the six waits overlap.
import { isMain, print, runMain, signSpace } from '@mc/core';
import { Thread } from '@mc/core/threading';
import { timer } from '@mc/core/timeit';
import { request } from 'undici';
import { bookUrls } from './example2.js';
import { openService } from './service.js';

/** GETs `url` and prints `{url}: {body}`, whatever the status. */
export async function ping(url: string): Promise<void> {
  const res = await request(url);
  print(`${url}: ${await res.body.text()}`);
}

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
  print(`Sequential: ${signSpace(sequential)} seconds`);

  print();

  start = timer();
  const threads = urls.map((url) => new Thread({ target: ping, args: [url] }));
  for (const thread of threads) await thread.start();
  for (const thread of threads) await thread.join();
  const threading = timer() - start;
  print(`Threading: ${signSpace(threading)} seconds`);
  return { sequential, threading };
}

async function main(): Promise<void> {
  await using service = await openService();
  await compare(bookUrls(service.url));
}

if (isMain(import.meta.url)) runMain(main);
