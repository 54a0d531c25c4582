import { captureLines, watchRequestsInFlight } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { bookUrls } from '../src/example2.js';
import { fetchAll, MyThread } from '../src/example4.js';
import { BOOK_STATUS_CODES, statusUrl } from '../src/service.js';
import { useStatusServer } from './helpers.js';

describe('example4.py', () => {
  const server = useStatusServer(0.2);

  it('keeps {url}: {body} in each thread and prints the six in URL order, Took, Done.', async () => {
    const urls = bookUrls(server().url);
    const { lines } = await captureLines(() => fetchAll(urls));

    expect(lines.slice(0, 6)).toEqual(
      urls.map((url, i) =>
        expect.stringMatching(new RegExp(`^${url}: ${BOOK_STATUS_CODES[i]} \\w`)),
      ),
    );
    expect(lines[6]).toMatch(/^Took {2}\d+\.\d\d seconds$/);
    expect(lines.slice(7)).toEqual(['Done.']);
  });

  it('prints in URL order even when the answers arrive in the reverse order', async () => {
    // The first URL answers last: 600 book ms after the last one.
    const urls = [600, 400, 200, 0].map((sleep) => statusUrl(server().url, 200, sleep));
    const finished: string[] = [];
    const threads = urls.map((url) => new MyThread(url));
    for (const thread of threads) {
      thread.start();
      void thread.join().then(() => finished.push(thread.url));
    }
    for (const thread of threads) await thread.join();
    expect(finished).toEqual([...urls].reverse());

    const { value: lines, most } = await watchRequestsInFlight(() =>
      captureLines(() => fetchAll(urls)).then((captured) => captured.lines),
    );
    expect(lines.slice(0, 4)).toEqual(urls.map((url) => `${url}: 200 OK`));
    // Concurrent: the four requests were all waiting on the server at once.
    expect(most).toBe(4);
  });
});
