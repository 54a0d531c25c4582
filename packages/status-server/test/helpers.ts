import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { Agent } from 'undici';
import { afterAll, beforeAll } from 'vitest';
import { type StatusServer, type StatusServerOptions, startStatusServer } from '../src/index.js';

/** Milliseconds `work` took, measured with the monotonic clock. */
export async function elapsedMs(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/**
 * Polls `condition` until it holds; fails after `boundMs`. A bounded wait on an observable state,
 * not a guess at how long something takes.
 */
export async function waitUntil(
  condition: () => boolean,
  what: string,
  boundMs = 5_000,
): Promise<void> {
  const deadline = performance.now() + boundMs;
  while (!condition()) {
    if (performance.now() > deadline)
      throw new Error(`gave up after ${boundMs} ms waiting until ${what}`);
    await delay(2);
  }
}

/**
 * Gives the test file one server started with `options` before its tests, and an undici client
 * for it; both are closed after the tests. `server()` is the running server (from `beforeAll` on).
 */
export function useServer(options: StatusServerOptions): {
  server: () => StatusServer;
  client: Agent;
} {
  let server: StatusServer | undefined;
  const client = new Agent();
  beforeAll(async () => {
    server = await startStatusServer(options);
  });
  afterAll(async () => {
    await client.close();
    await server?.close();
  });
  return {
    server: () => {
      if (server === undefined) throw new Error('the server starts in beforeAll');
      return server;
    },
    client,
  };
}
