import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookSite, type PagesServer, startPagesServer } from '../src/index.js';

let pages: PagesServer;
beforeAll(async () => {
  pages = await startPagesServer({ timeScale: 0 });
});
afterAll(() => pages.close());

/** One request through the server used as an HTTP proxy: the absolute URL on the request line. */
function viaProxy(url: string): Promise<{ status: number; location?: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port: pages.port, path: url }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          location: response.headers.location,
          body: Buffer.concat(chunks),
        }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

// Debian's python3 with requests, where the book's originals are run; CI machines may lack it.
const PYTHON = '/usr/bin/python3';
const hasRequests =
  existsSync(PYTHON) &&
  (await promisify(execFile)(PYTHON, ['-c', 'import requests']).then(
    () => true,
    () => false,
  ));

describe('proxy form', () => {
  it('answers absolute request targets and redirects to absolute URLs', async () => {
    const first = await viaProxy('http://google.com/');
    expect(first.status).toBe(301);
    expect(first.location).toBe('http://www.google.com/');
    const final = await viaProxy(first.location ?? '');
    expect(final.status).toBe(200);
    expect(final.body.equals(bookSite('http://google.com')?.body ?? Buffer.alloc(0))).toBe(true);
  });

  it.skipIf(!hasRequests)('serves the book Python requests through HTTP_PROXY', async () => {
    const script =
      "import requests; r = requests.get('http://docs.python.org/3/library/asyncio'); print(r.status_code, len(r.content), r.url)";
    const { stdout } = await promisify(execFile)(PYTHON, ['-c', script], {
      env: { ...process.env, HTTP_PROXY: pages.url, http_proxy: pages.url, NO_PROXY: '' },
      timeout: 20_000,
    });
    expect(stdout.trim()).toBe('200 13582 http://docs.python.org/3/library/asyncio.html');
  });
});
