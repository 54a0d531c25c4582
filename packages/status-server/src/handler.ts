import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { PendingDelays } from './delays.js';
import { HOME_PAGE_BYTES, HOME_PAGE_ETAG } from './home-page.js';
import { reasonPhrase } from './reasons.js';
import { parseSleep } from './sleep-parameter.js';

/** How the handler waits: the latency before every answer, the time scale, and the timers it owns. */
export interface HandlerSettings {
  latencyMs: number;
  timeScale: number;
  delays: PendingDelays;
}

const STATUS_PATH = /^\/([0-9]{3})$/;
const CODES_ALLOWED = 'codes from 200 to 599';
const ALLOWED_METHODS = 'GET, HEAD';

/** One decided answer: status, extra headers, body (the handler omits it for HEAD, 204 and 304). */
interface Answer {
  status: number;
  body: Buffer;
  headers?: OutgoingHttpHeaders;
}

function plainText(status: number, text: string, headers?: OutgoingHttpHeaders): Answer {
  return {
    status,
    body: Buffer.from(text, 'utf8'),
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
      ...headers,
    },
  };
}

/** 204 and 304 forbid a body (RFC 9110 §6.4.1); the 1xx codes never reach here (see `decide`). */
function forbidsBody(status: number): boolean {
  return status === 204 || status === 304;
}

/**
 * Decides the answer to a request at once; `sleepMs` is the `?sleep=` to wait on top of the
 * latency (0 for a refusal, which still waits out the latency, like any answer from far away).
 */
function decide(method: string, target: string): { answer: Answer; sleepMs: number } {
  if (method !== 'GET' && method !== 'HEAD') {
    const text = `${method} is not allowed: this server answers GET and HEAD only`;
    return { answer: plainText(405, text, { allow: ALLOWED_METHODS }), sleepMs: 0 };
  }
  const queryStart = target.indexOf('?');
  const path = queryStart === -1 ? target : target.slice(0, queryStart);
  const query = new URLSearchParams(queryStart === -1 ? '' : target.slice(queryStart + 1));

  const match = STATUS_PATH.exec(path);
  const code = match ? Number(match[1]) : undefined;
  const isHome = path === '/';
  if (!isHome && (code === undefined || code < 100 || code > 599)) {
    const text = `No page at ${path}: this server answers / (its home page) and /{code} for ${CODES_ALLOWED}`;
    return { answer: plainText(404, text), sleepMs: 0 };
  }
  const sleep = parseSleep(query.getAll('sleep'));
  if (!sleep.ok) return { answer: plainText(400, sleep.message), sleepMs: 0 };

  if (code === undefined) {
    const headers = {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'private, max-age=0',
      etag: HOME_PAGE_ETAG,
    };
    return { answer: { status: 200, body: HOME_PAGE_BYTES, headers }, sleepMs: sleep.ms };
  }
  if (code < 200) {
    // A 1xx is informational: HTTP/1.1 sends it only ahead of a final answer, so a client given a
    // 1xx "final" answer keeps waiting for the real one and hangs. Refuse honestly instead.
    const text = `${code} ${reasonPhrase(code)} is informational: HTTP/1.1 sends a 1xx only before a final answer, never as one, so this server answers ${CODES_ALLOWED}`;
    return { answer: plainText(400, text), sleepMs: 0 };
  }
  return { answer: plainText(code, `${code} ${reasonPhrase(code)}`), sleepMs: sleep.ms };
}

function send(request: IncomingMessage, response: ServerResponse, answer: Answer): void {
  response.statusCode = answer.status;
  response.statusMessage = reasonPhrase(answer.status);
  if (forbidsBody(answer.status)) {
    response.setHeader('cache-control', 'no-store');
    response.end();
    return;
  }
  for (const [name, value] of Object.entries(answer.headers ?? {})) {
    if (value !== undefined) response.setHeader(name, value);
  }
  response.setHeader('content-length', answer.body.byteLength);
  if (request.method === 'HEAD') response.end();
  else response.end(answer.body);
}

/**
 * Builds the `node:http` request listener: decides the answer at once, then sends it after
 * `(latencyMs + sleep) * timeScale` milliseconds, through `delays` so a stopping server can cancel it.
 */
export function createRequestHandler(
  settings: HandlerSettings,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const { answer, sleepMs } = decide(request.method ?? 'GET', request.url ?? '/');
    const waitMs = (settings.latencyMs + sleepMs) * settings.timeScale;
    if (waitMs <= 0) send(request, response, answer);
    else settings.delays.after(waitMs, response, () => send(request, response, answer));
  };
}
