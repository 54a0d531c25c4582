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
        { name: 'example1', bookFile: 'Chapter07/example1.py', output: ['Done.'] },
        { name: 'my_thread', bookFile: 'Chapter07/my_thread.py', output: [/^Took \d+/m, /^$/] },
        {
          name: 'extra',
          bookFile: 'addition beside Chapter07/example1.py',
          output: ['x'],
          analysis: { kind: 'speedup', parse: () => [] },
        },
      ],
    };
    expect(declarationProblems(declaration, chapterDir)).toEqual([]);
  });

  it('names each slip: wrong chapter, missing source, mismatched book file, stray addition', () => {
    const declaration = {
      chapter: 'chapter08',
      examples: [
        { name: 'example2', bookFile: 'Chapter07/example2.py', output: ['x'] },
        { name: 'example1', bookFile: 'Chapter07/example3.py', output: ['x'] },
        { name: 'extra', bookFile: 'addition beside Chapter06/example1.py', output: ['x'] },
      ],
    };
    expect(declarationProblems(declaration, chapterDir)).toEqual([
      "chapter is 'chapter08', but the package folder is 'chapter07'",
      'example2: there is no src/example2.ts',
      "example1: book file 'Chapter07/example3.py' should be Chapter07/example1.py",
      "extra: the addition 'addition beside Chapter06/example1.py' does not name Chapter07",
    ]);
  });

  it('wants every example to declare an output that can fail, and an analysis its parse', () => {
    const declaration = {
      chapter: 'chapter07',
      examples: [
        { name: 'example1', bookFile: 'Chapter07/example1.py' },
        { name: 'my_thread', bookFile: 'Chapter07/my_thread.py', output: [' ', /(Took)?/] },
        {
          name: 'extra',
          bookFile: 'addition beside Chapter07/example1.py',
          output: ['Done.'],
          analysis: { kind: 'speedup' },
        },
      ],
    };
    expect(declarationProblems(declaration, chapterDir)).toEqual([
      'example1: no output is declared: name the lines it exists to print',
      'my_thread: an output that cannot fail: a blank string',
      'my_thread: an output that cannot fail: /(Took)?/, which matches any output',
      'extra: its speedup analysis has no parse function',
    ]);
  });

  it('refuses a chapter that declares nothing', () => {
    expect(declarationProblems({ chapter: 'chapter07', examples: [] }, chapterDir)).toEqual([
      'no example is declared',
    ]);
  });
});
