import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';

/** The part of a chapter's `src/examples.ts` declaration these checks read. */
export interface DeclaredChapter {
  readonly chapter: string;
  readonly examples: readonly {
    readonly name: string;
    readonly bookFile: string;
    /** What the runner requires its stdout to contain (see `@mc/runner`'s `ExampleDeclaration`). */
    readonly output?: readonly (string | RegExp)[];
    /** A chart the runner draws from its output: `parse` reads it. */
    readonly analysis?: { readonly kind: string; readonly parse?: unknown };
  }[];
}

/** Why a declared output could never fail a run, or null when it can. */
function cannotFail(expected: string | RegExp): string | null {
  if (typeof expected === 'string') return expected.trim() === '' ? 'a blank string' : null;
  // Matching nothing and something alike, it would match any output (`/^$/`, "prints nothing", can fail).
  const matchesAnything = ['', 'any output\n'].every((text) => text.search(expected) !== -1);
  return matchesAnything ? `${expected}, which matches any output` : null;
}

/**
 * What is wrong with a chapter's example declaration, as one sentence per problem (none: an empty
 * list): the chapter field must be the package folder's name, every example must name an existing
 * `src/<name>.ts`, and its book file must be `ChapterNN/<name>.py` of the same chapter (or, for an
 * example this project adds, start with `addition` and name that chapter); every example must
 * declare the `output` it exists to print, each entry able to fail (no blank string, no pattern
 * that matches empty output), so that the runner's pass means the example did its job; a declared
 * `analysis` must give its `parse` function. The runner would only find such a slip when it runs
 * the example; a chapter's tests find it at once.
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
  for (const { name, bookFile, output, analysis } of declaration.examples) {
    if (!output || output.length === 0) {
      problems.push(`${name}: no output is declared: name the lines it exists to print`);
    }
    for (const expected of output ?? []) {
      const reason = cannotFail(expected);
      if (reason) problems.push(`${name}: an output that cannot fail: ${reason}`);
    }
    if (analysis && typeof analysis.parse !== 'function') {
      problems.push(`${name}: its ${analysis.kind} analysis has no parse function`);
    }
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
