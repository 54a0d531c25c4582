/**
 * The longest `?sleep=` the server accepts, in milliseconds (five minutes, before the time scale).
 *
 * @example `${server.url}/200?sleep=${MAX_SLEEP_MS}` // the slowest answer allowed
 */
export const MAX_SLEEP_MS = 300_000;

/** What `?sleep=` asked for: a delay in book milliseconds, or why the request is refused. */
export type SleepParameter = { ok: true; ms: number } | { ok: false; message: string };

const WHOLE_NUMBER = /^[0-9]+$/;

/**
 * Reads the `sleep` values of a query string: none means no sleep, one must be a whole number of
 * milliseconds from 0 to {@link MAX_SLEEP_MS}; anything else is refused with a one-line message
 * saying what is allowed (the handler answers it with `400`).
 */
export function parseSleep(values: readonly string[]): SleepParameter {
  const allowed = `sleep must be a whole number of milliseconds from 0 to ${MAX_SLEEP_MS}`;
  if (values.length === 0) return { ok: true, ms: 0 };
  if (values.length > 1)
    return { ok: false, message: `${allowed}, given once (got it ${values.length} times)` };
  const raw = values[0] ?? '';
  const ms = Number(raw);
  if (!WHOLE_NUMBER.test(raw) || ms > MAX_SLEEP_MS) {
    return { ok: false, message: `${allowed} (got ${JSON.stringify(raw)})` };
  }
  return { ok: true, ms };
}
