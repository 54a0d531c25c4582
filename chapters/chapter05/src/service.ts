/**
 * Where the examples send their requests: the base URL given with `--base-url URL` (or the
 * environment variable `BOOK_BASE_URL`), or else the embedded status server of `@mc/status-server`,
 * started now on 127.0.0.1 and stopped when the example is done. The book calls a public
 * status-code service; a real service with the same API gets exactly the same requests.
 */
import { connect } from 'node:net';
import { parseOptions, UsageError } from '@mc/core';
import { startStatusServer } from '@mc/status-server';

/** The environment variable naming a real service to call instead of the embedded server. */
export const BASE_URL_VARIABLE = 'BOOK_BASE_URL';

/** The status codes the book pings, in its order. */
export const BOOK_STATUS_CODES = [200, 400, 404, 408, 500, 524] as const;

const USAGE = `usage: node dist/<example>.js [--base-url http://HOST:PORT] (or ${BASE_URL_VARIABLE}=URL); without it, an embedded server on 127.0.0.1`;

/** The service an example talks to; leaving an `await using` block stops it if it is embedded. */
export interface Service extends AsyncDisposable {
  /** Base URL without a trailing slash, for example `http://127.0.0.1:41234`. */
  readonly url: string;
  /** True when this is the embedded server started for the example. */
  readonly embedded: boolean;
}

/**
 * The base URL given on the command line or in the environment (the option wins), checked and
 * without a trailing slash; `undefined` when neither gives one.
 *
 * @throws UsageError (from `@mc/core`) for an unknown option or a URL that is not http(s).
 * @example givenBaseUrl(['--base-url', 'http://127.0.0.1:8080/'], {}) // 'http://127.0.0.1:8080'
 */
export function givenBaseUrl(
  argv: readonly string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const option = parseOptions(
    { args: [...argv], options: { 'base-url': { type: 'string' } } },
    USAGE,
  ).values['base-url'];
  const raw = option ?? env[BASE_URL_VARIABLE];
  if (raw === undefined || raw.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new UsageError(`not a URL: "${raw}"; ${USAGE}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`the base URL must be http or https, got "${raw}"; ${USAGE}`);
  }
  return url.href.replace(/\/+$/, '');
}

/** How long the reachability check waits for a connection, in real milliseconds. */
export const CONNECT_TIMEOUT_MS = 5000;

/**
 * Resolves once a TCP connection to the URL's host and port opens (it is closed at once: no
 * request is sent, so the service sees exactly the book's requests). Rejects with the system
 * error otherwise (`ECONNREFUSED`, `ENOTFOUND`, ...) or `ETIMEDOUT` after `timeoutMs`.
 *
 * @example await checkReachable('http://127.0.0.1:8080')
 */
export function checkReachable(url: string, timeoutMs = CONNECT_TIMEOUT_MS): Promise<void> {
  const { hostname, port, protocol } = new URL(url);
  const host = hostname.replace(/^\[|\]$/g, '');
  const portNumber = Number(port || (protocol === 'https:' ? 443 : 80));
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port: portNumber, timeout: timeoutMs }, () => {
      socket.destroy();
      resolve();
    });
    socket.once('timeout', () => {
      socket.destroy();
      const error = Object.assign(new Error(`connect ETIMEDOUT ${host}:${portNumber}`), {
        code: 'ETIMEDOUT',
        syscall: 'connect',
        address: host,
        port: portNumber,
      });
      reject(error);
    });
    socket.once('error', reject);
  });
}

/**
 * The service for this run: the given base URL, or an embedded status server started now. A given
 * service is checked first, so one that is not there ends the example with one line under
 * `runMain` (`cannot connect to 127.0.0.1:1: connection refused ...`, status 1) before any
 * request, instead of one error per thread.
 *
 * @throws UsageError for a bad option or URL (under `runMain`: one line on stderr, status 2).
 * @throws the system error of a given service that cannot be reached (`ECONNREFUSED`, ...).
 *
 * @example await using service = await openService(); await ping(`${service.url}/200`);
 */
export async function openService(
  argv: readonly string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): Promise<Service> {
  // A bad option or URL throws a UsageError, which runMain prints as one line with exit status 2.
  const given = givenBaseUrl(argv, env);
  if (given !== undefined) {
    await checkReachable(given);
    return { url: given, embedded: false, [Symbol.asyncDispose]: async () => {} };
  }
  const server = await startStatusServer();
  return { url: server.url, embedded: true, [Symbol.asyncDispose]: () => server.close() };
}

/**
 * The URL of the status-code page `code` of a service, delayed by `sleepMs` when given.
 *
 * @example statusUrl('http://127.0.0.1:8080', 200, 4000) // 'http://127.0.0.1:8080/200?sleep=4000'
 */
export function statusUrl(baseUrl: string, code: number, sleepMs?: number): string {
  return sleepMs === undefined ? `${baseUrl}/${code}` : `${baseUrl}/${code}?sleep=${sleepMs}`;
}
