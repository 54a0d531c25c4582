// Chapter05/example6.py: a custom timeout built from daemon threads and a polling main thread.
// Lesson: the program stops waiting after 5 s, prints every result that came back and
// `Custom timeout` for the rest, and exits without waiting for the slow request.
// Node: threads are event-loop tasks; `runMain` ends the program without its daemon threads, as
// Python's exit does. The idiomatic Node deadline, `AbortSignal.timeout`, is example6_deadline.ts.
import { isMain, print, runMain, scaledMilliseconds, signSpace } from '@mc/core';
import { sleep } from '@mc/core/time';
import { timer } from '@mc/core/timeit';
import { MyThread as ResultThread } from './example4.js';
import { openService, statusUrl } from './service.js';

/** How often the main thread looks at the threads, in book seconds. */
export const UPDATE_INTERVAL = 0.01;

/** A daemon `MyThread` whose result reads `{url}: Custom timeout` until its answer arrives. */
export class MyThread extends ResultThread {
  #abandoned = false;

  constructor(url: string) {
    super(url, { daemon: true });
    this.result = `${url}: Custom timeout`;
  }

  /**
   * Marks the thread as one the program no longer waits for. Python stops a daemon thread at exit
   * before it sees anything; here the thread's request may fail as the program ends (the embedded
   * server closes its connection), and that failure, which nobody will read, stays silent.
   */
  abandon(): void {
    this.#abandoned = true;
  }

  override async run(): Promise<void> {
    try {
      await super.run();
    } catch (error) {
      if (!this.#abandoned) throw error;
    }
  }
}

/** The book's four URLs: 200, 200 after 4 s, 200 after 20 s, 400. */
export function timeoutUrls(baseUrl: string): string[] {
  return [
    statusUrl(baseUrl, 200),
    statusUrl(baseUrl, 200, 4000),
    statusUrl(baseUrl, 200, 20_000),
    statusUrl(baseUrl, 400),
  ];
}

/**
 * Polls every `UPDATE_INTERVAL` until no thread is alive or `timeout` book seconds have passed,
 * then prints every thread's result, finished or not. The book counts the timeout down by the
 * interval, which drifts by the time each poll really takes; this measures the time instead.
 */
export async function processRequests(threads: readonly MyThread[], timeout = 5): Promise<void> {
  const deadline = timer() + scaledMilliseconds(timeout) / 1000;
  const aliveCount = (): number => threads.filter((thread) => thread.isAlive()).length;
  while (aliveCount() > 0 && timer() < deadline) {
    await sleep(UPDATE_INTERVAL);
  }
  for (const thread of threads) {
    print(thread.result);
    if (thread.isAlive()) thread.abandon();
  }
}

/** Starts a daemon thread per URL, waits at most `timeout` book seconds, prints the results. */
export async function fetchWithCustomTimeout(
  urls: readonly string[],
  timeout = 5,
): Promise<MyThread[]> {
  const threads = urls.map((url) => new MyThread(url));
  for (const thread of threads) await thread.start();
  const start = timer();
  await processRequests(threads, timeout);
  print(`Took ${signSpace(timer() - start)} seconds`);
  print('Done.');
  return threads;
}

async function main(): Promise<void> {
  await using service = await openService();
  await fetchWithCustomTimeout(timeoutUrls(service.url));
}

if (isMain(import.meta.url)) runMain(main);
