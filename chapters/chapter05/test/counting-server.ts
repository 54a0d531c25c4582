import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { timer } from '@mc/core/timeit';

/** One request the server received. */
export interface Hit {
  method: string;
  path: string;
  /** Seconds, on the `timer()` clock. */
  at: number;
}

/** A local server that counts what it is asked, for the good-practices tests. */
export interface CountingServer extends AsyncDisposable {
  url: string;
  hits: Hit[];
  /** The most requests it ever had in flight at once. */
  maxInFlight: number;
}

/**
 * Starts a server on 127.0.0.1 that answers `/{code}?delay=ms` with that status after `delay`
 * real milliseconds, and `/drop/{n}` by closing the connection unanswered the first n times, then
 * `200`. It counts every request and the most it ever had in flight at once.
 */
export async function startCountingServer(): Promise<CountingServer> {
  const hits: Hit[] = [];
  let inFlight = 0;
  const state = { maxInFlight: 0 };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    hits.push({ method: req.method ?? '', path: url.pathname, at: timer() });
    inFlight += 1;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    res.once('close', () => {
      inFlight -= 1;
    });
    const drop = /^\/drop\/(\d+)$/.exec(url.pathname);
    if (drop) {
      const seen = hits.filter((hit) => hit.path === url.pathname).length;
      if (seen <= Number(drop[1])) {
        req.socket.destroy();
        return;
      }
    }
    const status = drop ? 200 : Number(url.pathname.slice(1));
    const timeout = setTimeout(
      () => res.writeHead(status).end(`${status}`),
      Number(url.searchParams.get('delay') ?? 0),
    );
    res.once('close', () => clearTimeout(timeout));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    get maxInFlight() {
      return state.maxInFlight;
    },
    [Symbol.asyncDispose]: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
