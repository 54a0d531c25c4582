import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';

/** The part of a chapter's `src/examples.ts` declaration these checks read. */
export interface DeclaredChapter {
  readonly chapter: string;
  readonly examples: readonly { readonly name: string; readonly bookFile: string }[];
}

/**
 * What is wrong with a chapter's example declaration, as one sentence per problem (none: an empty
 * list): the chapter field must be the package folder's name, every example must name an existing
 * `src/<name>.ts`, and its book file must be `ChapterNN/<name>.py` of the same chapter (or, for an
 * example this project adds, start with `addition` and name that chapter). The runner
 * would only find such a slip when it runs the example; a chapter's tests find it at once.
 *
 * @example expect(declarationProblems(declaration, chapterDir)).toEqual([])
 */
export function declarationProblems(declaration: DeclaredChapter, packageDir: string): string[] {
  const problems: string[] = [];
  const folder = basename(packageDir);
  if (declaration.chapter !== folder) {
    problems.push(`chapter is '${declaration.chapter}', but the package folder is '${folder}'`);
  }
  if (declaration.examples.length === 0) problems.push('no example is declared');
  const bookChapter = `Chapter${folder.replace(/^chapter/, '')}`;
  for (const { name, bookFile } of declaration.examples) {
    if (!existsSync(join(packageDir, 'src', `${name}.ts`))) {
      problems.push(`${name}: there is no src/${name}.ts`);
    }
    const isAddition = bookFile.startsWith('addition');
    if (isAddition && !bookFile.includes(bookChapter)) {
      problems.push(`${name}: the addition '${bookFile}' does not name ${bookChapter}`);
    }
    if (!isAddition && bookFile !== `${bookChapter}/${name}.py`) {
      problems.push(`${name}: book file '${bookFile}' should be ${bookChapter}/${name}.py`);
    }
  }
  return problems;
}
