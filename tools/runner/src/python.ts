import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

/** What to do with an example's Python twin. */
export type PythonPlan =
  /** The checkout has no `ChapterNN/<name>.py` for this example. */
  | { readonly kind: 'absent'; readonly file: string }
  /** The twin exists but is not run; `reason` says why (a module outside the standard library, the internet). */
  | { readonly kind: 'skip'; readonly file: string; readonly reason: string }
  /** The twin needs only the standard library and 127.0.0.1: run it. */
  | { readonly kind: 'run'; readonly file: string };

/** The interpreter the twins run with. */
export const PYTHON = 'python3';

/** `DIR/ChapterNN/<name>.py`, the book repository's layout, for chapter package `chapterNN`. */
export function pythonTwinPath(pythonDir: string, chapter: string, name: string): string {
  return join(pythonDir, `Chapter${chapter.replace(/^chapter/i, '')}`, `${name}.py`);
}

/**
 * The top-level module names a Python source imports (`import a.b, c as d`, `from e.f import g`),
 * anywhere in the file, skipping relative imports (`from . import x`). In order, each once.
 */
export function topLevelImports(source: string): string[] {
  const names = new Set<string>();
  for (const raw of source.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    const from = /^from\s+([A-Za-z_][\w.]*)\s+import\b/.exec(line);
    if (from?.[1]) {
      names.add(from[1].split('.')[0] ?? from[1]);
      continue;
    }
    const plain = /^import\s+(.+)$/.exec(line);
    if (!plain?.[1]) continue;
    for (const part of plain[1].split(',')) {
      const name = part.trim().split(/\s+/)[0]?.split('.')[0];
      if (name && /^[A-Za-z_]\w*$/.test(name)) names.add(name);
    }
  }
  return [...names];
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]', '0.0.0.0']);

/** The http(s) URLs in a source whose host is not this machine: if any, the twin needs the internet. */
export function internetUrls(source: string): string[] {
  const urls = source.match(/https?:\/\/[^\s'"()<>]+/g) ?? [];
  return urls.filter((url) => {
    const host = /^https?:\/\/([^/:?#]+|\[[^\]]+\])/.exec(url)?.[1]?.toLowerCase() ?? '';
    return !loopbackHosts.has(host);
  });
}

const run = promisify(execFile);

/** The names among `modules` that are not in Python's standard library (`sys.stdlib_module_names`). */
async function nonStandard(modules: readonly string[]): Promise<string[]> {
  if (modules.length === 0) return [];
  const script =
    'import sys; print(" ".join(m for m in sys.argv[1:] if m not in sys.stdlib_module_names))';
  const { stdout } = await run(PYTHON, ['-c', script, ...modules]);
  return stdout.split(/\s+/).filter(Boolean);
}

/**
 * Decides whether an example's Python twin runs, by reading it (never by running it). The rule:
 * every module it imports, directly or through sibling `.py` files of the checkout, must be in
 * Python's standard library, and it must contain no http(s) URL to a host other than 127.0.0.1 or
 * localhost. Anything else is skipped with the reason. Sibling modules (`from my_thread import
 * MyThread`) are followed.
 */
export async function planPythonTwin(
  pythonDir: string,
  chapter: string,
  name: string,
): Promise<PythonPlan> {
  const file = pythonTwinPath(pythonDir, chapter, name);
  if (!existsSync(file)) return { kind: 'absent', file };
  const folder = dirname(file);
  const seen = new Set<string>();
  const external = new Set<string>();
  const urls: string[] = [];
  const visit = async (path: string): Promise<void> => {
    const source = await readFile(path, 'utf8');
    urls.push(...internetUrls(source));
    for (const module of topLevelImports(source)) {
      if (seen.has(module)) continue;
      seen.add(module);
      const sibling = join(folder, `${module}.py`);
      if (existsSync(sibling)) await visit(sibling);
      else if (existsSync(join(folder, module))) continue;
      else external.add(module);
    }
  };
  await visit(file);
  try {
    const missing = await nonStandard([...external]);
    if (missing.length > 0) {
      return {
        kind: 'skip',
        file,
        reason: `needs ${missing.join(', ')} (not in the standard library)`,
      };
    }
  } catch (error) {
    return {
      kind: 'skip',
      file,
      reason: `${PYTHON} is not usable: ${(error as Error).message.split('\n')[0]}`,
    };
  }
  if (urls.length > 0) return { kind: 'skip', file, reason: `needs the internet (${urls[0]})` };
  return { kind: 'run', file };
}

/** The module a failed twin could not import (`ModuleNotFoundError: No module named 'x'`), if that is why it failed. */
export function missingModule(stderr: string): string | null {
  return /ModuleNotFoundError: No module named '([^']+)'/.exec(stderr)?.[1] ?? null;
}
