import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The fixture sources: `chapters/chapterNN/*.js`, laid out as built chapters by `makeFixtureRoot`. */
export const fixturesDir: string = fileURLToPath(new URL('./fixtures', import.meta.url));

/** The Python twins of the fixture examples, in the book's `ChapterNN/<name>.py` layout. */
export const pythonFixturesDir: string = join(fixturesDir, 'python');

/**
 * Builds a chapters root in a temporary folder, shaped like the real one after a build:
 * `chapterNN/package.json` (ESM) and `chapterNN/dist/*.js` from the fixtures, plus `chapter09`, a
 * chapter folder that was never built. Returns its path.
 */
export function makeFixtureRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'runner-fixtures-'));
  const sources = join(fixturesDir, 'chapters');
  for (const chapter of readdirSync(sources)) {
    const dist = join(root, chapter, 'dist');
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(root, chapter, 'package.json'), '{ "type": "module" }\n');
    cpSync(join(sources, chapter), dist, { recursive: true });
  }
  mkdirSync(join(root, 'chapter09'));
  return root;
}
