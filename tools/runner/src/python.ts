import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

/** What to do with an example's Python twin. */
export type PythonPlan =
  /** The checkout has no `ChapterNN/<name>.py` for this example. */
  | { readonly kind: 'absent'; readonly file: string }
  /** The twin exists but is not run; `reason` says why (it would reach the internet). */
  | { readonly kind: 'skip'; readonly file: string; readonly reason: string }
  /** The twin reaches no other host than this machine: run it. */
  | { readonly kind: 'run'; readonly file: string };

/** The interpreter the twins run with unless `--python-bin` names another: `python3` on PATH. */
export const DEFAULT_PYTHON = 'python3';

/** `DIR/ChapterNN/<name>.py`, the book repository's layout, for chapter package `chapterNN`. */
export function pythonTwinPath(pythonDir: string, chapter: string, name: string): string {
  return join(pythonDir, `Chapter${chapter.replace(/^chapter/i, '')}`, `${name}.py`);
}

/**
 * The top-level module names a Python source imports (`import a.b, c as d`, `from e.f import g`),
 * anywhere in the file, skipping relative imports (`from . import x`). In order, each once. Used
 * only to follow the twin's sibling files of the checkout.
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

/** The http(s) URLs in a source's code (not its comment lines) whose host is not this machine: if any, the twin needs the internet. */
export function internetUrls(source: string): string[] {
  // A URL in a whole-line comment (`# Copied from: http://...`) is a credit, not a request.
  const code = source.replace(/^\s*#.*$/gm, '');
  const urls = code.match(/https?:\/\/[^\s'"()<>]+/g) ?? [];
  return urls.filter((url) => {
    const host = /^https?:\/\/([^/:?#]+|\[[^\]]+\])/.exec(url)?.[1]?.toLowerCase() ?? '';
    return !loopbackHosts.has(host);
  });
}

/**
 * Decides whether an example's Python twin runs, by reading it: it runs unless it, or a sibling
 * `.py` file of the checkout it imports (`from my_thread import MyThread`), contains an http(s) URL
 * to a host other than 127.0.0.1 or localhost, since nothing here may reach the internet. Whether
 * its modules are installed is not guessed: the twin is run, and a failure is reported as it is.
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
  const urls: string[] = [];
  const visit = async (path: string): Promise<void> => {
    const source = await readFile(path, 'utf8');
    urls.push(...internetUrls(source));
    for (const module of topLevelImports(source)) {
      if (seen.has(module)) continue;
      seen.add(module);
      const sibling = join(folder, `${module}.py`);
      if (existsSync(sibling)) await visit(sibling);
    }
  };
  await visit(file);
  if (urls.length > 0) return { kind: 'skip', file, reason: `needs the internet (${urls[0]})` };
  return { kind: 'run', file };
}

/** The last non-blank line a failed twin wrote to stderr (Python's traceback ends with the error). */
export function lastStderrLine(stderr: string): string | null {
  const lines = stderr.split('\n').filter((line) => line.trim() !== '');
  return lines.at(-1)?.trim() ?? null;
}

const run = promisify(execFile);

/**
 * The interpreter's version (`Python 3.11.2`), or an Error saying why `bin` cannot be run: the
 * runner checks it once before any twin runs.
 */
export async function pythonVersion(bin: string): Promise<string> {
  const { stdout, stderr } = await run(bin, ['--version'], { timeout: 10_000 });
  return (stdout || stderr).trim();
}
