import { captureLines } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { fetchAll } from '../src/example4.js';
import { SLOW_SLEEP_MS, slowBatchUrls } from '../src/example5.js';
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

  it('waits for the slow request: the batch takes many times as long as without it', async () => {
    const [fast, slow, bad] = slowBatchUrls(server().url) as [string, string, string];
    expect(slow).toBe(`${server().url}/200?sleep=${SLOW_SLEEP_MS}`);

    const without = (await captureLines(() => fetchAll([fast, bad]))).value;
    const withSlow = (await captureLines(() => fetchAll([fast, slow, bad]))).value;

    expect(withSlow).toBeGreaterThanOrEqual(0.95 * scaledSeconds(SLOW_SLEEP_MS / 1000));
    expect(withSlow / without).toBeGreaterThan(5);
  });
});
