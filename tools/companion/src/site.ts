import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type BookPaths,
  declarations,
  findTimeline,
  loadChapter,
  loadIndex,
  timelineDirs,
} from './book.js';
import { type PageMode, renderChapter, renderIndex } from './render.js';

/** The page's stylesheet and script, shipped with the package (`assets/`), never from a CDN. */
export const assetsDir: string = fileURLToPath(new URL('../assets/', import.meta.url));
export const assetNames = ['style.css', 'app.js', 'favicon.svg'] as const;

/** A chapter's page file name, `chapter03.html`, or undefined for any other path. */
export const chapterOfPage = (page: string): string | undefined =>
  /^(chapter\d{2})\.html$/.exec(page)?.[1];

/** A timeline file the pages may show: `chapter03-example1.svg`. */
export const isTimelineName = (name: string): boolean => /^chapter\d{2}-[\w.-]+\.svg$/.test(name);

export async function indexPage(paths: BookPaths, mode: PageMode): Promise<string> {
  return renderIndex(await loadIndex(paths), mode);
}

/** A chapter's page, or undefined when no such chapter is declared. */
export async function chapterPage(
  paths: BookPaths,
  name: string,
  mode: PageMode,
): Promise<string | undefined> {
  const chapter = await loadChapter(paths, name);
  if (!chapter) return undefined;
  const index = (await declarations(paths.root)).map((one) => ({
    name: one.name,
    number: Number(one.name.replace(/\D/g, '')),
  }));
  const at = index.findIndex((one) => one.name === name);
  const previous = index[at - 1];
  const next = index[at + 1];
  return renderChapter(
    chapter,
    { ...(previous ? { previous } : {}), ...(next ? { next } : {}) },
    mode,
  );
}

/**
 * Writes the static site to `out`: `index.html`, one `chapterNN.html` a chapter, `assets/` and
 * the timelines under `traces/`. Relative links only, so it opens from disk; reading works without
 * JavaScript, and the pages have no Run buttons (running needs the server).
 */
export async function writeSite(paths: BookPaths, out: string): Promise<string[]> {
  const mode: PageMode = { kind: 'static' };
  await mkdir(join(out, 'assets'), { recursive: true });
  const written: string[] = [];
  await writeFile(join(out, 'index.html'), await indexPage(paths, mode));
  written.push('index.html');
  for (const chapter of await loadIndex(paths)) {
    const html = await chapterPage(paths, chapter.name, mode);
    if (html === undefined) continue;
    await writeFile(join(out, `${chapter.name}.html`), html);
    written.push(`${chapter.name}.html`);
  }
  for (const asset of assetNames) {
    await copyFile(join(assetsDir, asset), join(out, 'assets', asset));
  }
  const names = new Set<string>();
  for (const dir of timelineDirs(paths)) {
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      if (isTimelineName(name)) names.add(name);
    }
  }
  if (names.size > 0) await mkdir(join(out, 'traces'), { recursive: true });
  for (const name of names) {
    const file = findTimeline(paths, name);
    if (file) await copyFile(file, join(out, 'traces', name));
  }
  return written;
}

export const readAsset = (name: string): Promise<string> => readFile(join(assetsDir, name), 'utf8');
