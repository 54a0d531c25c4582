import { scaledMilliseconds } from '@mc/core';
import { type StatusServer, startStatusServer } from '@mc/status-server';
import { exampleRunner } from '@mc/testing';
import { afterAll, beforeAll, vi } from 'vitest';
import { BASE_URL_VARIABLE } from '../src/service.js';

/** Seconds that `bookSeconds` last at the current time scale. */
export function scaledSeconds(bookSeconds: number): number {
  return scaledMilliseconds(bookSeconds) / 1000;
}

/**
 * Gives the enclosing `describe` an embedded status server, started before its tests at
 * `timeScale` (set as BOOK_TIME_SCALE for the tests too) and stopped after them.
 */
export function useStatusServer(timeScale: number): () => StatusServer {
  let server: StatusServer | undefined;
  beforeAll(async () => {
    vi.stubEnv('BOOK_TIME_SCALE', String(timeScale));
    server = await startStatusServer();
  });
  afterAll(async () => {
    await server?.close();
    vi.unstubAllEnvs();
  });
  return () => {
    if (server === undefined) throw new Error('the status server starts in beforeAll');
    return server;
  };
}

/** What example6 and its deadline version print first, for a service at `base`. */
export function example6Results(base: string): string[] {
  return [
    `${base}/200: 200 OK`,
    `${base}/200?sleep=4000: 200 OK`,
    `${base}/200?sleep=20000: Custom timeout`,
    `${base}/400: 400 Bad Request`,
  ];
}

/**
 * Runs `node dist/<name>.js` as the runner does, with no base URL in its environment unless `env`
 * gives one; each test gives its time scale.
 */
export const runExample = exampleRunner(import.meta.url, {
  env: { [BASE_URL_VARIABLE]: undefined },
});
