import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { declarationProblems } from '../src/index.js';

const root = mkdtempSync(join(tmpdir(), 'mc-testing-declaration-'));
const chapterDir = join(root, 'chapter07');
mkdirSync(join(chapterDir, 'src'), { recursive: true });
for (const name of ['example1', 'my_thread', 'extra']) {
  writeFileSync(join(chapterDir, 'src', `${name}.ts`), '');
}
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('declarationProblems', () => {
  it('accepts twins of the book files and a named addition', () => {
    const declaration = {
      chapter: 'chapter07',
      examples: [
        { name: 'example1', bookFile: 'Chapter07/example1.py' },
        { name: 'my_thread', bookFile: 'Chapter07/my_thread.py' },
        { name: 'extra', bookFile: 'addition beside Chapter07/example1.py' },
      ],
    };
    expect(declarationProblems(declaration, chapterDir)).toEqual([]);
  });

  it('names each slip: wrong chapter, missing source, mismatched book file, stray addition', () => {
    const declaration = {
      chapter: 'chapter08',
      examples: [
        { name: 'example2', bookFile: 'Chapter07/example2.py' },
        { name: 'example1', bookFile: 'Chapter07/example3.py' },
        { name: 'extra', bookFile: 'addition beside Chapter06/example1.py' },
      ],
    };
    expect(declarationProblems(declaration, chapterDir)).toEqual([
      "chapter is 'chapter08', but the package folder is 'chapter07'",
      'example2: there is no src/example2.ts',
      "example1: book file 'Chapter07/example3.py' should be Chapter07/example1.py",
      "extra: the addition 'addition beside Chapter06/example1.py' does not name Chapter07",
    ]);
  });

  it('refuses a chapter that declares nothing', () => {
    expect(declarationProblems({ chapter: 'chapter07', examples: [] }, chapterDir)).toEqual([
      'no example is declared',
    ]);
  });
});
