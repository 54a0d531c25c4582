import type { ExampleDeclaration } from './declare.js';
import type { DiscoveredChapter, Discovery } from './discover.js';

/** One example picked to run. */
export interface SelectedExample {
  readonly chapter: DiscoveredChapter;
  readonly example: ExampleDeclaration;
}

/** A selection that names no declared chapter or example; its message is one line naming the choices. */
export class SelectionError extends Error {
  override readonly name = 'SelectionError';
}

const chapterPattern = /^chapter\d+$/i;

/**
 * The chapters a command line names (`chapter03`, `chapter03/example4`), for `discoverChapters` to
 * read only those; `undefined` when it names none, which means every chapter.
 *
 * @example chaptersNamedIn(['chapter03', 'example4', 'chapter04/example2']) // ['chapter03', 'chapter04']
 */
export function chaptersNamedIn(positionals: readonly string[]): string[] | undefined {
  if (positionals.length === 0) return undefined;
  const named = positionals
    .map((token) => token.split('/', 1)[0] ?? '')
    .filter((token) => chapterPattern.test(token))
    .map((token) => token.toLowerCase());
  return [...new Set(named)];
}

/** The valid choices for a chapter, in one phrase. */
function chapterChoices(discovery: Discovery): string {
  const names = [
    ...discovery.chapters.map((chapter) => chapter.name),
    ...(discovery.unselected ?? []),
  ].sort();
  return names.length > 0 ? `valid chapters: ${names.join(', ')}` : 'no chapter is built yet';
}

/** Looks a chapter up by name, or throws a one-line `SelectionError` naming the valid ones. */
function findChapter(discovery: Discovery, name: string): DiscoveredChapter {
  const found = discovery.chapters.find((chapter) => chapter.name === name.toLowerCase());
  if (found) return found;
  const unbuilt = discovery.unbuilt.includes(name.toLowerCase())
    ? ' (it has no dist/examples.js)'
    : '';
  throw new SelectionError(`unknown chapter '${name}'${unbuilt}; ${chapterChoices(discovery)}`);
}

/**
 * Looks an example up in a chapter: every declaration with that name (a chapter may declare one file
 * twice with different arguments), or throws a one-line `SelectionError` naming the valid ones.
 */
function findExample(chapter: DiscoveredChapter, name: string): ExampleDeclaration[] {
  const found = chapter.declaration.examples.filter((example) => example.name === name);
  if (found.length > 0) return found;
  const names = [...new Set(chapter.declaration.examples.map((example) => example.name))].join(
    ', ',
  );
  throw new SelectionError(
    `unknown example '${name}' in ${chapter.name}; valid examples: ${names}`,
  );
}

/**
 * Turns positional arguments into the examples to run, in book order (chapters, then each chapter's
 * declaration order), each once. No arguments: everything. `chapter03`: all of Chapter 3, unless
 * bare names follow it (`chapter03 example4 example5`), which pick those examples of it.
 * `chapter03/example4`: one example.
 */
export function selectExamples(
  positionals: readonly string[],
  discovery: Discovery,
): SelectedExample[] {
  const whole = new Set<DiscoveredChapter>();
  const picked = new Map<DiscoveredChapter, Set<ExampleDeclaration>>();
  const pick = (chapter: DiscoveredChapter, examples: readonly ExampleDeclaration[]): void => {
    const set = picked.get(chapter) ?? new Set();
    for (const example of examples) set.add(example);
    picked.set(chapter, set);
  };
  let current: DiscoveredChapter | undefined;
  let currentHasExamples = false;
  const closeCurrent = (): void => {
    if (current && !currentHasExamples) whole.add(current);
  };
  for (const token of positionals) {
    if (token.includes('/')) {
      const [chapterName = '', exampleName = ''] = token.split('/', 2);
      const chapter = findChapter(discovery, chapterName);
      pick(chapter, findExample(chapter, exampleName.replace(/\.(ts|js|py)$/, '')));
      continue;
    }
    if (chapterPattern.test(token)) {
      closeCurrent();
      current = findChapter(discovery, token);
      currentHasExamples = false;
      continue;
    }
    if (!current) {
      throw new SelectionError(
        `'${token}' is not a chapter; name the chapter first (chapter03 ${token} or chapter03/${token}); ${chapterChoices(discovery)}`,
      );
    }
    currentHasExamples = true;
    pick(current, findExample(current, token.replace(/\.(ts|js|py)$/, '')));
  }
  closeCurrent();
  const everything = positionals.length === 0;
  const selected: SelectedExample[] = [];
  for (const chapter of discovery.chapters) {
    const set = picked.get(chapter);
    for (const example of chapter.declaration.examples) {
      if (everything || whole.has(chapter) || set?.has(example))
        selected.push({ chapter, example });
    }
  }
  return selected;
}
