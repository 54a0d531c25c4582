// Shared by the tests of examples 5 and 6: a temp folder, a pages server, what each file must hold.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BOOK_SITES, type PagesServer, startPagesServer } from '@mc/pages-server';
import { afterEach, beforeEach } from 'vitest';

/**
 * The tests' time scale: the book's delays, 100 to 400 ms. The fastest page (100 ms) must still be
 * waiting when the last redirect has been followed for all five to be in flight at once: a margin
 * of 30 times a loopback round trip, even on a loaded machine.
 */
export const SCALE = 1;

/** The five file names, from the book's five URLs. */
export const FILE_NAMES = [
  'aiohttp.readthedocs.io.html',
  'asyncio.html',
  'google.com.html',
  'packtpub.com.html',
  'python.org.html',
];

/** Each book URL's final answer, by its file name. */
export function siteOf(fileName: string) {
  const site = BOOK_SITES.find(
    (candidate) => fileName === `${candidate.bookUrl.split('/').at(-1)}.html`,
  );
  if (!site) throw new Error(`no site for ${fileName}`);
  return site;
}

/** A fresh pages server and temp folder per test, both gone after it. */
export function useDownloads(): {
  server: () => PagesServer;
  folder: () => string;
  files: () => Promise<Map<string, Buffer>>;
} {
  let server: PagesServer | undefined;
  let folder = '';
  beforeEach(async () => {
    server = await startPagesServer({ timeScale: SCALE });
    folder = await mkdtemp(join(tmpdir(), 'chapter11-'));
  });
  afterEach(async () => {
    await server?.close();
    await rm(folder, { recursive: true, force: true });
  });
  return {
    server: () => server as PagesServer,
    folder: () => folder,
    files: async () => {
      const names = (await readdir(folder)).sort();
      return new Map(
        await Promise.all(
          names.map(async (name) => [name, await readFile(join(folder, name))] as const),
        ),
      );
    },
  };
}

/** The seconds the server makes a download of these sites wait at SCALE, less 5% for timer rounding. */
export function waitOf(delaysMs: readonly number[], combine: 'sum' | 'max'): number {
  const total = combine === 'sum' ? delaysMs.reduce((a, b) => a + b, 0) : Math.max(...delaysMs);
  return (0.95 * total * SCALE) / 1000;
}
