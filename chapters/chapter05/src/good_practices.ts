// Addition: the book's "Good practices in making web requests" (prose there) as a program.
// Lesson: a polite, robust client limits how many requests it has in flight, gives every request
// a deadline, keeps one failure from ending the batch, and retries with backoff only what is safe
// to repeat (GET and HEAD) and only when a retry can help (5xx answers, network errors).
// Node: p-limit is the concurrency limit, `AbortSignal.timeout` the deadline, p-retry the backoff.
import { isMain, print, runMain, scaledMilliseconds } from '@mc/core';
import { timer } from '@mc/core/timeit';
import pLimit from 'p-limit';
import pRetry from 'p-retry';
import { type Dispatcher, request } from 'undici';
import { openService, statusUrl } from './service.js';

/** How politely to make a batch of requests. Durations are book seconds (scaled). */
export interface PoliteOptions {
  /** HTTP method; only GET and HEAD are retried. Default GET. */
  method?: Dispatcher.HttpMethod;
  /** Requests in flight at most. Default 3. */
  concurrency?: number;
  /** Deadline of each attempt. Default 2. */
  timeout?: number;
  /** Retries after the first attempt, for safe requests. Default 2. */
  retries?: number;
  /** Wait before the first retry, doubled before each next one. Default 0.5. */
  backoff?: number;
  /** Called before each retry, to show it. */
  onRetry?: (url: string, attempt: number, error: Error) => void;
}

/** One request's outcome: its body, or why it failed; never thrown. */
export type Outcome =
  | { url: string; ok: true; status: number; body: string; attempts: number }
  | { url: string; ok: false; error: string; attempts: number };

/** An answer with a status of 400 or more, for p-retry to judge. */
export class HttpStatusError extends Error {
  override readonly name = 'HttpStatusError';
  constructor(
    readonly status: number,
    body: string,
  ) {
    super(body.trim() || `status ${status}`);
  }
}

/** GET and HEAD change nothing on the server (RFC 9110 §9.2.1), so asking again is harmless. */
export function isSafeMethod(method: string): boolean {
  return method === 'GET' || method === 'HEAD';
}

/**
 * Whether another attempt could succeed: a 5xx answer or a lost connection may be passing; a 4xx
 * will be the same next time, and a request that ran out of time would only load the server more.
 */
export function isWorthRetrying(error: Error): boolean {
  if (error instanceof HttpStatusError) return error.status >= 500;
  return error.name !== 'TimeoutError' && error.name !== 'AbortError';
}

/** One request with a deadline per attempt and, when safe, retries with exponential backoff. */
export async function politeRequest(url: string, options: PoliteOptions = {}): Promise<Outcome> {
  const method = options.method ?? 'GET';
  let attempts = 0;
  try {
    const { status, body } = await pRetry(
      async () => {
        attempts += 1;
        const res = await request(url, {
          method,
          signal: AbortSignal.timeout(scaledMilliseconds(options.timeout ?? 2)),
        });
        const body = await res.body.text();
        if (res.statusCode >= 400) throw new HttpStatusError(res.statusCode, body);
        return { status: res.statusCode, body };
      },
      {
        retries: isSafeMethod(method) ? (options.retries ?? 2) : 0,
        minTimeout: scaledMilliseconds(options.backoff ?? 0.5),
        factor: 2,
        shouldRetry: ({ error }) => isWorthRetrying(error),
        onFailedAttempt: ({ error, attemptNumber, retriesLeft }) => {
          if (retriesLeft > 0 && isWorthRetrying(error))
            options.onRetry?.(url, attemptNumber, error);
        },
      },
    );
    return { url, ok: true, status, body, attempts };
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { url, ok: false, error: reason, attempts };
  }
}

/** Every URL through `politeRequest`, at most `concurrency` at a time; outcomes in URL order. */
export async function fetchPolitely(
  urls: readonly string[],
  options: PoliteOptions = {},
): Promise<Outcome[]> {
  const limit = pLimit(options.concurrency ?? 3);
  return Promise.all(urls.map((url) => limit(() => politeRequest(url, options))));
}

/** `{url}: {body}`, or `{url}: failed after N attempt(s) ({reason})`. */
export function describe(outcome: Outcome): string {
  if (outcome.ok) return `${outcome.url}: ${outcome.body}`;
  const plural = outcome.attempts === 1 ? '' : 's';
  return `${outcome.url}: failed after ${outcome.attempts} attempt${plural} (${outcome.error})`;
}

async function main(): Promise<void> {
  await using service = await openService();
  const urls = [
    statusUrl(service.url, 200),
    statusUrl(service.url, 404),
    statusUrl(service.url, 503),
    statusUrl(service.url, 200, 20_000),
    statusUrl(service.url, 200, 1000),
    statusUrl(service.url, 201),
  ];
  const start = timer();
  const outcomes = await fetchPolitely(urls, {
    onRetry: (url, attempt, error) =>
      print(`retrying ${url}: attempt ${attempt} got ${error.message}`),
  });
  for (const outcome of outcomes) print(describe(outcome));
  print(`Took ${(timer() - start).toFixed(2)} seconds`);
  print('Done.');
}

if (isMain(import.meta.url)) runMain(main);
