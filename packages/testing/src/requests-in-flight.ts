import { subscribe, unsubscribe } from 'node:diagnostics_channel';

/** What `watchRequestsInFlight` saw. */
export interface RequestsInFlight<T> {
  readonly value: T;
  /** After each request began or was answered, how many were in flight: [1, 0, 1, 0] is two in turn. */
  readonly trace: number[];
  /** The most requests in flight at once. */
  readonly most: number;
}

/**
 * Runs `work` while watching every HTTP server of this process through Node's own diagnostics
 * channels (`http.server.request.start`, `http.server.response.finish`): how many requests were
 * being served at once. A mechanism, unlike wall time: six requests in flight together prove they
 * overlapped, whatever the load.
 *
 * @example const { most } = await watchRequestsInFlight(() => fetchAll(urls)) // most === urls.length
 */
export async function watchRequestsInFlight<T>(
  work: () => T | Promise<T>,
): Promise<RequestsInFlight<T>> {
  const trace: number[] = [];
  let inFlight = 0;
  const started = () => trace.push(++inFlight);
  const finished = () => trace.push(--inFlight);
  subscribe('http.server.request.start', started);
  subscribe('http.server.response.finish', finished);
  try {
    const value = await work();
    return { value, trace, most: Math.max(0, ...trace) };
  } finally {
    unsubscribe('http.server.request.start', started);
    unsubscribe('http.server.response.finish', finished);
  }
}
