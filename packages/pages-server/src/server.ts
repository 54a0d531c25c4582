import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { timeScale as timeScaleFromEnvironment } from '@mc/core';
import { localUrl, readTarget, redirectLocation } from './routing.js';
import { ANSWERS, BOOK_SITES } from './sites.js';

/**
 * How to start the server: a free port on 127.0.0.1 and the time scale of `BOOK_TIME_SCALE` by
 * default.
 */
export interface PagesServerOptions {
  /** TCP port, 0 (the default) for any free one. */
  port?: number;
  /** Address to bind, `127.0.0.1` by default. */
  host?: string;
  /** Multiplies each page's delay, 0 for none; by default `timeScale()` of `@mc/core`. */
  timeScale?: number;
}

/** One request the server answered (or dropped, status 0, when it was closed while waiting). */
export interface AnsweredRequest {
  /** The request target as received: `/python.org/`, or `http://python.org/` in proxy form. */
  readonly target: string;
  readonly status: number;
}

/**
 * A running pages server. `resolve(bookUrl)` gives the local URL that stands in for a book URL;
 * `close()` (or leaving an `await using` block) stops it, dropping requests still waiting.
 *
 * @example await using pages = await startPagesServer(); await fetch(pages.resolve('http://python.org'));
 */
export interface PagesServer {
  /** Base URL, for example `http://127.0.0.1:41234`, with no trailing slash. */
  readonly url: string;
  /** The port actually bound. */
  readonly port: number;
  /** The time scale every page delay is multiplied by. */
  readonly timeScale: number;
  /** Requests received and not answered yet. */
  readonly inFlight: number;
  /** The most requests that were in flight at one moment: 5 when the five sites are fetched at once. */
  readonly peakInFlight: number;
  /** Every answered request, in the order answered. */
  readonly answered: readonly AnsweredRequest[];
  /** The local URL that stands in for `bookUrl` (see `localUrl`). */
  resolve(bookUrl: string): string;
  /** Stops listening, ends every connection, cancels every waiting answer; safe to call twice. */
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

const NOT_FOUND = `this server imitates ${BOOK_SITES.map((site) => site.bookUrl).join(', ')}: ask for /<host><path> (http://python.org is /python.org/), or use it as an HTTP proxy`;

function plainText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(text);
}

/**
 * Starts the HTTP server that imitates the pages the book fetches in Chapters 10 and 11 (see
 * `BOOK_SITES`): the same redirects, status, content type, size and encoding as the real pages had,
 * with synthetic HTML, each answered after its own delay so concurrent downloads visibly beat
 * sequential ones. Resolves once it is listening.
 *
 * @example await using pages = await startPagesServer({ timeScale: 0 });
 */
export async function startPagesServer(options: PagesServerOptions = {}): Promise<PagesServer> {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new RangeError(`port must be a whole number from 0 to 65535, got ${port}`);
  }
  const timeScale = options.timeScale ?? timeScaleFromEnvironment();
  if (!Number.isFinite(timeScale) || timeScale < 0) {
    throw new RangeError(
      `timeScale must be a non-negative number such as 1 or 0.01, got ${timeScale}`,
    );
  }
  // One signal cancels every waiting answer at close, so no timer outlives the server.
  const stopping = new AbortController();
  const answered: AnsweredRequest[] = [];
  let inFlight = 0;
  let peakInFlight = 0;
  let drained: (() => void) | undefined;

  const answer = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const target = request.url ?? '/';
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD');
      return plainText(
        response,
        405,
        `${request.method} is not allowed: this server answers GET and HEAD only`,
      );
    }
    const { key, proxied } = readTarget(target);
    const found = ANSWERS.get(key);
    if (found === undefined) return plainText(response, 404, `No page at ${target}: ${NOT_FOUND}`);
    if (found.kind === 'redirect') {
      response.writeHead(found.status, {
        location: redirectLocation(found.location, proxied),
        'content-length': 0,
      });
      response.end();
      return;
    }
    const waitMs = found.delayMs * timeScale;
    if (waitMs > 0) await delay(waitMs, undefined, { signal: stopping.signal });
    response.writeHead(found.status, {
      'content-type': found.contentType,
      'content-length': found.body.byteLength,
    });
    response.end(request.method === 'HEAD' ? undefined : found.body);
  };

  const server = createServer((request, response) => {
    inFlight += 1;
    peakInFlight = Math.max(peakInFlight, inFlight);
    response.once('close', () => {
      inFlight -= 1;
      answered.push({
        target: request.url ?? '/',
        status: response.headersSent ? response.statusCode : 0,
      });
      if (inFlight === 0) drained?.();
    });
    answer(request, response).catch((error: unknown) => {
      // Aborted by close(): the connection is being destroyed, there is nobody to answer.
      if (!stopping.signal.aborted) response.destroy(error as Error);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= Promise.all([
      new Promise<void>((resolve) => server.close(() => resolve())),
      new Promise<void>((resolve) => {
        drained = resolve;
        if (inFlight === 0) resolve();
      }),
      stopping.abort(),
      server.closeAllConnections(),
    ]).then(() => undefined);
    return closing;
  };

  return {
    url,
    port: address.port,
    timeScale,
    get inFlight() {
      return inFlight;
    },
    get peakInFlight() {
      return peakInFlight;
    },
    answered,
    resolve: (bookUrl) => localUrl(url, bookUrl),
    close,
    [Symbol.asyncDispose]: close,
  };
}
