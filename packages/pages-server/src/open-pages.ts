import { UsageError } from '@mc/core';
import { startPagesServer } from './server.js';

/** The environment variable that sends the examples to the real sites: `BOOK_ONLINE=1`. */
export const ONLINE_VARIABLE = 'BOOK_ONLINE';

/**
 * Where an example's book URLs go: to an embedded pages server (the default) or, when asked, to
 * the real sites. The example keeps the book's URL strings and fetches `pages.resolve(url)`.
 */
export interface Pages {
  /** True when the book's URLs go to the real sites. */
  readonly online: boolean;
  /** The URL to fetch for `bookUrl`: itself online, its local stand-in offline. */
  resolve(bookUrl: string): string;
  /** Stops the embedded server, if any; safe to call twice. */
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/**
 * True when `BOOK_ONLINE` asks for the real sites (`1`), false when unset, empty or `0`.
 *
 * @throws UsageError for any other value, so a typo never silently goes online (or stays offline).
 */
export function onlineFromEnvironment(): boolean {
  const raw = process.env[ONLINE_VARIABLE]?.trim() ?? '';
  if (raw === '' || raw === '0') return false;
  if (raw === '1') return true;
  throw new UsageError(
    `${ONLINE_VARIABLE} must be 1 (the real sites) or 0 (the embedded server), got "${raw}"`,
  );
}

/**
 * Opens the pages an example fetches: an embedded server on 127.0.0.1 started now (offline, the
 * default), or the real sites when `online` is true (by default: `BOOK_ONLINE=1`). Nothing goes to
 * the internet unless asked.
 *
 * @example await using pages = await openPages(); const response = await fetch(pages.resolve('http://python.org'));
 */
export async function openPages(
  options: { online?: boolean; timeScale?: number } = {},
): Promise<Pages> {
  const online = options.online ?? onlineFromEnvironment();
  if (online) {
    const nothing = async () => {};
    return {
      online,
      resolve: (bookUrl) => bookUrl,
      close: nothing,
      [Symbol.asyncDispose]: nothing,
    };
  }
  const server = await startPagesServer({ timeScale: options.timeScale });
  return {
    online,
    resolve: (bookUrl) => server.resolve(bookUrl),
    close: () => server.close(),
    [Symbol.asyncDispose]: () => server.close(),
  };
}
