import { describe, expect, it } from 'vitest';
import { BOOK_STATUS_CODES } from '../src/service.js';
import { runExample } from './helpers.js';

describe('example2.py', () => {
  it('prints the six pings in the book order, each {url}: {body}, then Done.', async () => {
    const run = await runExample('example2', { timeScale: 0.05 });

    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const base = /^(http:\/\/127\.0\.0\.1:\d+)\//.exec(run.lines[0] ?? '')?.[1];
    expect(base).toBeDefined();
    expect(run.lines).toEqual([
      `${base}/200: 200 OK`,
      `${base}/400: 400 Bad Request`,
      `${base}/404: 404 Not Found`,
      `${base}/408: 408 Request Timeout`,
      `${base}/500: 500 Internal Server Error`,
      `${base}/524: 524 A Timeout Occurred`,
      'Done.',
    ]);
    expect(BOOK_STATUS_CODES).toEqual([200, 400, 404, 408, 500, 524]);
  });
});
