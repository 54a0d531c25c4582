import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ChapterDeclaration } from './declare.js';

/** A chapter package whose compiled declaration was found and loaded. */
export interface DiscoveredChapter {
  /** Folder name, `chapter03`. */
  readonly name: string;
  /** Absolute path of the chapter package. */
  readonly dir: string;
  readonly declaration: ChapterDeclaration;
}

/** Everything found under a chapters root. */
export interface Discovery {
  /** Loaded chapters, in folder-name (book) order. */
  readonly chapters: readonly DiscoveredChapter[];
  /** Chapter folders without `dist/examples.js` (not built yet), among those looked at. */
  readonly unbuilt: readonly string[];
  /** Built chapters left unread because the command line did not name them. */
  readonly unselected?: readonly string[];
  /** One line each: unbuilt chapters, declarations that failed to load or are malformed. */
  readonly warnings: readonly string[];
}

const outcomeKinds = new Set(['exits', 'fails', 'blocks', 'serves']);

/** A reason the declaration is unusable, or null when it is well-formed. */
function problemWith(value: unknown): string | null {
  const declaration = value as Partial<ChapterDeclaration> | undefined;
  if (!declaration || !Array.isArray(declaration.examples))
    return 'its default export has no examples array';
  for (const example of declaration.examples) {
    if (typeof example?.name !== 'string') return 'an example has no name';
    if (typeof example.timeoutSeconds !== 'number' || !(example.timeoutSeconds > 0)) {
      return `${example.name} has no positive timeoutSeconds`;
    }
    if (!outcomeKinds.has(example.outcome?.kind)) return `${example.name} has no valid outcome`;
    if (example.outcome.kind === 'fails' && typeof example.outcome.error !== 'string') {
      return `${example.name} fails without naming its error`;
    }
    if (
      example.outcome.kind === 'serves' &&
      !(example.outcome.client?.listening instanceof RegExp)
    ) {
      return `${example.name} serves without a client script's listening line`;
    }
  }
  const names = new Set(declaration.examples.map((example) => example.name));
  for (const comparison of declaration.comparisons ?? []) {
    const unknown = comparison.examples?.find((name) => !names.has(name));
    if (unknown !== undefined)
      return `comparison '${comparison.title}' names no example ${unknown}`;
  }
  return null;
}

/**
 * Finds the chapters under `chaptersRoot`: every `chapter*` folder with a `dist/examples.js`, whose
 * default export is the chapter's `defineChapter(...)` declaration. Folders without it are listed
 * as unbuilt and warned about; they are never fatal. Given `only` (folder names), it reads only
 * those chapters, and of the others lists the built ones as unselected (for the valid choices of
 * an error message) without loading or warning: a reader running Chapter 1 hears nothing about
 * Chapter 2, built or not.
 */
export async function discoverChapters(
  chaptersRoot: string,
  only?: readonly string[],
): Promise<Discovery> {
  const chapters: DiscoveredChapter[] = [];
  const unbuilt: string[] = [];
  const unselected: string[] = [];
  const warnings: string[] = [];
  const wanted = only === undefined ? undefined : new Set(only.map((name) => name.toLowerCase()));
  const entries = existsSync(chaptersRoot)
    ? await readdir(chaptersRoot, { withFileTypes: true })
    : [];
  const names = entries
    .filter((entry) => entry.isDirectory() && /^chapter/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
  for (const name of names) {
    const dir = join(chaptersRoot, name);
    const file = join(dir, 'dist', 'examples.js');
    if (wanted !== undefined && !wanted.has(name)) {
      if (existsSync(file)) unselected.push(name);
      continue;
    }
    if (!existsSync(file)) {
      unbuilt.push(name);
      warnings.push(`${name}: no dist/examples.js (not built, or no declaration yet); skipped`);
      continue;
    }
    try {
      const module = (await import(pathToFileURL(file).href)) as { default?: unknown };
      const problem = problemWith(module.default);
      if (problem) {
        warnings.push(`${name}: dist/examples.js: ${problem}; skipped`);
        continue;
      }
      const declaration = module.default as ChapterDeclaration;
      if (declaration.chapter !== name) {
        warnings.push(
          `${name}: declares itself as '${declaration.chapter}'; using the folder name`,
        );
      }
      chapters.push({ name, dir, declaration });
    } catch (error) {
      warnings.push(
        `${name}: dist/examples.js failed to load: ${(error as Error).message.split('\n')[0]}`,
      );
    }
  }
  return { chapters, unbuilt, unselected, warnings };
}
