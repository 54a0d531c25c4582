import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { timeScale as timeScaleFromEnvironment } from '@mc/core';
import { PendingDelays } from './delays.js';
import { createRequestHandler } from './handler.js';
import { MAX_SLEEP_MS } from './sleep-parameter.js';

/**
 * The latency the server waits before every answer unless told otherwise, in book milliseconds
 * (the time scale applies): about a request to a server on another continent.
 *
 * @example await startStatusServer({ latencyMs: DEFAULT_LATENCY_MS / 2 })
 */
export const DEFAULT_LATENCY_MS = 250;

/**
 * How to start the server. Every field is optional: a free port on 127.0.0.1, the default latency,
 * and the time scale of `BOOK_TIME_SCALE`.
 *
 * @example const options: StatusServerOptions = { port: 8080, latencyMs: 0 };
 */
export interface StatusServerOptions {
  /** TCP port, 0 (the default) for any free one. */
  port?: number;
  /** Address to bind, `127.0.0.1` by default. */
  host?: string;
  /** Wait before every answer, in book milliseconds, 0 to 300000; {@link DEFAULT_LATENCY_MS} by default. */
  latencyMs?: number;
  /** Multiplies every wait (latency and `sleep`), 0 for none; by default `timeScale()` of `@mc/core`, from `BOOK_TIME_SCALE`. */
  timeScale?: number;
}

/**
 * A running status server. `url` is its base URL without a trailing slash; `close()` (or leaving an
 * `await using` block) stops it, ending every open connection at once, requests still waiting
 * included, whose clients see the connection close instead of an answer.
 *
 * @example await using server = await startStatusServer(); await fetch(`${server.url}/404`);
 */
export interface StatusServer {
  /** Base URL, for example `http://127.0.0.1:41234`, with no trailing slash. */
  readonly url: string;
  /** The port actually bound (useful when 0 asked for a free one). */
  readonly port: number;
  /** The address bound. */
  readonly host: string;
  /** The latency before every answer, in book milliseconds, as configured. */
  readonly latencyMs: number;
  /** The time scale every wait is multiplied by. */
  readonly timeScale: number;
  /** Requests received and not answered yet (most are waiting out their latency or sleep). */
  readonly inFlight: number;
  /** Stops listening, ends every connection, cancels every waiting answer; safe to call twice. */
  close(): Promise<void>;
  /** The same as `close()`, so `await using` stops the server at the end of the block. */
  [Symbol.asyncDispose](): Promise<void>;
}

function checkedInteger(name: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${name} must be a whole number from 0 to ${max}, got ${value}`);
  }
  return value;
}

/** URL host part: IPv6 addresses go in brackets. */
function urlHost(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}

/**
 * Starts the status server that imitates the public status-code service of Chapter 5: `GET /{code}`
 * answers that status with the body `{code} {reason}`, `?sleep=ms` delays it, `GET /` is a home
 * page, and every answer waits a network-like latency first. Resolves once it is listening.
 *
 * @example await using server = await startStatusServer({ latencyMs: 0 });
 */
export async function startStatusServer(options: StatusServerOptions = {}): Promise<StatusServer> {
  const port = checkedInteger('port', options.port ?? 0, 65_535);
  const host = options.host ?? '127.0.0.1';
  const latencyMs = checkedInteger(
    'latencyMs',
    options.latencyMs ?? DEFAULT_LATENCY_MS,
    MAX_SLEEP_MS,
  );
  const timeScale = options.timeScale ?? timeScaleFromEnvironment();
  if (!Number.isFinite(timeScale) || timeScale < 0) {
    throw new RangeError(
      `timeScale must be a non-negative number such as 1 or 0.01, got ${timeScale}`,
    );
  }

  const delays = new PendingDelays();
  let inFlight = 0;
  let drained: (() => void) | undefined;
  const handler = createRequestHandler({ latencyMs, timeScale, delays });
  const server = createServer((request, response) => {
    inFlight += 1;
    response.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0) drained?.();
    });
    handler(request, response);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const address = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= Promise.all([
      new Promise<void>((resolve) => server.close(() => resolve())),
      // Node emits each response's 'close' just after its socket's: wait for them so `inFlight`
      // reads 0 once `close()` has resolved.
      new Promise<void>((resolve) => {
        drained = resolve;
        if (inFlight === 0) resolve();
      }),
      delays.cancelAll(),
      server.closeAllConnections(),
    ]).then(() => undefined);
    return closing;
  };

  return {
    url: `http://${urlHost(address.address)}:${address.port}`,
    port: address.port,
    host: address.address,
    latencyMs,
    timeScale,
    get inFlight() {
      return inFlight;
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}
