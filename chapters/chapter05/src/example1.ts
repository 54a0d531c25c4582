// Chapter05/example1.py: download one page and save it.
// Lesson: a web request answers with a status code, headers and a body, and the program waits
// for all three before it goes on.
// Node: undici's `request` stands in for `requests.get`; the page comes from the embedded server
// (or the base URL given) and is written to `output/google.html`, never beside the source.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMain, print, pyRepr, runMain } from '@mc/core';
import { request } from 'undici';
import { openService } from './service.js';

/** Where the page goes: the chapter's git-ignored output folder, from `src/` and `dist/` alike. */
export const PAGE_FILE = fileURLToPath(new URL('../output/google.html', import.meta.url));

/** The book's program: GETs `url`, prints its status and headers, saves its body to `file`. */
export async function downloadPage(url: string, file: string = PAGE_FILE): Promise<void> {
  const res = await request(url);

  print(res.statusCode);
  print(pyRepr(res.headers));

  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, await res.body.text());

  print('Done.');
}

async function main(): Promise<void> {
  await using service = await openService();
  // The book downloads http://www.google.com; the service's home page stands in for it.
  await downloadPage(`${service.url}/`);
}

if (isMain(import.meta.url)) runMain(main);
