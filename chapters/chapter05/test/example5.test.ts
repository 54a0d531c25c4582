import { captureLines, watchRequestsInFlight } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { fetchAll, SLOW_SLEEP_MS, slowBatchUrls } from '../src/example5.js';
import { scaledSeconds, useStatusServer } from './helpers.js';

describe('example5.py', () => {
  // 0.05: the 20 s request lasts 1 s, the latency 12.5 ms.
  const server = useStatusServer(0.05);

  it('prints the three results in URL order, Took, Done.', async () => {
    const urls = slowBatchUrls(server().url);
    const { lines } = await captureLines(() => fetchAll(urls));

    expect(lines).toEqual([
      `${server().url}/200: 200 OK`,
      `${server().url}/200?sleep=20000: 200 OK`,
      `${server().url}/400: 400 Bad Request`,
      expect.stringMatching(/^Took {2}\d+\.\d\d seconds$/),
      'Done.',
    ]);
  });

  it('sends the three at once, then waits for the slow request before printing Took', async () => {
    const urls = slowBatchUrls(server().url);
    expect(urls[1]).toBe(`${server().url}/200?sleep=${SLOW_SLEEP_MS}`);

    const { value: took, most } = await watchRequestsInFlight(() =>
      captureLines(() => fetchAll(urls)).then((captured) => captured.value),
    );

    // The slow request was in flight together with the others, not after them.
    expect(most).toBeGreaterThanOrEqual(2);
    expect(took).toBeGreaterThanOrEqual(0.95 * scaledSeconds(SLOW_SLEEP_MS / 1000));
  });
});
