// Chapter05/example4.py: a Thread subclass that keeps its URL and its result.
// Lesson: threads can hand results back through their own fields; after joining them all, the
// main thread prints the results in the order it chose (the URLs'), not the order they finished.
// Node: `MyThread` extends the core `Thread`, an event-loop task; `run` is async and awaits the
// reply where Python's blocks on it.
import { isMain, print, runMain, signSpace } from '@mc/core';
import { Thread, type ThreadOptions } from '@mc/core/threading';
import { timer } from '@mc/core/timeit';
import { request } from 'undici';
import { bookUrls } from './example2.js';
import { openService } from './service.js';

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

async function main(): Promise<void> {
  await using service = await openService();
  await fetchAll(bookUrls(service.url));
}

if (isMain(import.meta.url)) runMain(main);
