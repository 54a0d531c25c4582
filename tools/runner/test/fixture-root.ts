import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';

/** The fixture sources: `chapters/chapterNN/*.js`, laid out as built chapters by `makeFixtureRoot`. */
export const fixturesDir: string = fileURLToPath(new URL('./fixtures', import.meta.url));

/** The Python twins of the fixture examples, in the book's `ChapterNN/<name>.py` layout. */
export const pythonFixturesDir: string = join(fixturesDir, 'python');

/**
 * A temporary folder named `prefix...`, made before the enclosing file's (or describe's) tests and
 * removed after them. Returns a getter, valid once the tests run.
 */
export function useTempDir(prefix: string, fill: (dir: string) => void = () => {}): () => string {
  let dir: string | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    fill(dir);
  });
  afterAll(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (dir === undefined) throw new Error(`${prefix} folder: made in beforeAll`);
    return dir;
  };
}

/** `makeFixtureRoot`'s chapters root for the enclosing tests, removed after them. */
export function useFixtureRoot(): () => string {
  return useTempDir('runner-fixtures-', fillFixtureRoot);
}

/**
 * Fills a chapters root, shaped like the real one after a build: `chapterNN/package.json` (ESM)
 * and `chapterNN/dist/*.js` from the fixtures, plus `chapter09`, a chapter folder never built.
 */
function fillFixtureRoot(root: string): void {
  const sources = join(fixturesDir, 'chapters');
  for (const chapter of readdirSync(sources)) {
    const dist = join(root, chapter, 'dist');
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(root, chapter, 'package.json'), '{ "type": "module" }\n');
    cpSync(join(sources, chapter), dist, { recursive: true });
  }
  mkdirSync(join(root, 'chapter09'));
}
