// Mirrors Chapter04/example1.py: files opened and never closed leak file descriptors until the
// operating system refuses to open more (EMFILE, "Too many open files"); opened with `with`, each
// is closed at the end of its block and the same loop never holds more than one. Node's twin of
// `with open(...) as f:` is `using f = open(...)` (TypeScript 5.2+): a disposable file handle.
//
// The book opens 254 files, then suggests 10000 to pass its machine's limit. Here method 1 opens one
// file more than the soft limit (`ulimit -n`, read from /proc/self/limits) so it always reaches it,
// reports EMFILE in one line and closes what it opened; method 2 then writes the same files with
// `using`. The exit status is 1 when method 1 hit EMFILE: the leak is the failure being shown.
//
//   --files N    how many files each method opens (default: the soft limit + 1; the book's is 254)
//   --ulimit N   run again under `ulimit -n N`, to reach a lower limit faster
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type File, isMain, open, print, runMain, UsageError } from '@mc/core';

/** Where the sample files go: the chapter's git-ignored `output/` folder, never `src/`. */
export const outputDir = fileURLToPath(new URL('../output/', import.meta.url));

/** What the book tries next to pass the limit; used when the limit cannot be read. */
const BOOK_TOO_MANY_FILES = 10000;
/** Above this soft limit, reaching it would litter the disk: pass --ulimit instead. */
const MOST_FILES = 100_000;

/** The soft limit on open descriptors (`ulimit -n`), or undefined where /proc is missing. */
export function openFilesLimit(): number | undefined {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((text) => text.startsWith('Max open files'));
    const soft = Number(line?.split(/\s{2,}/)[1]);
    return Number.isInteger(soft) ? soft : undefined;
  } catch {
    return undefined;
  }
}

/** How many descriptors this process holds now (Linux), less the one this count opens itself. */
export function openDescriptorCount(): number | undefined {
  try {
    return readdirSync('/proc/self/fd').length - 1;
  } catch {
    return undefined;
  }
}

/** The sample file `i` of folder `output1`, as the book names it. */
function samplePath(folder: string, i: number): string {
  return join(folder, `sample${i}.txt`);
}

/**
 * Method 1: opens `nFiles` files for writing and never closes them. Returns the files it
 * holds, still open, and the error that stopped it early, if any (EMFILE at the limit).
 */
export function openWithoutClosing(
  nFiles: number,
  folder: string,
): { files: File[]; error?: NodeJS.ErrnoException } {
  const files: File[] = [];
  try {
    for (let i = 0; i < nFiles; i += 1) files.push(open(samplePath(folder, i), 'w'));
  } catch (error) {
    return { files, error: error as NodeJS.ErrnoException };
  }
  return { files };
}

/**
 * Method 2: opens the same files with `using`, so each closes before the next opens. Returns the
 * most descriptors held at once above those held before the loop (counted in /proc/self/fd), or
 * undefined where that cannot be counted.
 */
export function openWithUsing(nFiles: number, folder: string): number | undefined {
  const before = openDescriptorCount();
  let mostAtOnce: number | undefined;
  const files: File[] = [];
  for (let i = 0; i < nFiles; i += 1) {
    using f = open(samplePath(folder, i), 'w');
    files.push(f);
    const now = openDescriptorCount();
    if (before !== undefined && now !== undefined) {
      mostAtOnce = Math.max(mostAtOnce ?? 0, now - before);
    }
  }
  return mostAtOnce;
}

/** Reads `--name N` from the arguments as a positive integer, if present. */
function positiveOption(args: readonly string[], name: string): number | undefined {
  const index = args.indexOf(name);
  if (index === -1) return undefined;
  const value = Number(args[index + 1]);
  if (!Number.isInteger(value) || value <= 0) {
    throw new UsageError(`${name} needs a positive integer, got "${args[index + 1] ?? ''}"`);
  }
  return value;
}

/** Runs this program again under `ulimit -n limit` (a shell builtin: Node cannot lower it). */
function rerunUnderLimit(limit: number, args: readonly string[]): void {
  const at = args.indexOf('--ulimit');
  const rest = [...args.slice(0, at), ...args.slice(at + 2)];
  const script = fileURLToPath(import.meta.url);
  const shell = `ulimit -n ${limit} && exec "$0" "$@"`;
  const child = spawnSync('bash', ['-c', shell, process.execPath, script, ...rest], {
    stdio: 'inherit',
  });
  process.exitCode = child.status ?? 1;
}

export async function main(args: readonly string[] = process.argv.slice(2)): Promise<void> {
  const lowered = positiveOption(args, '--ulimit');
  if (lowered !== undefined) return rerunUnderLimit(lowered, args);

  const limit = openFilesLimit();
  const reachable = limit !== undefined && limit <= MOST_FILES;
  const nFiles = positiveOption(args, '--files') ?? (reachable ? limit + 1 : BOOK_TOO_MANY_FILES);
  const folder = join(outputDir, 'output1');
  mkdirSync(folder, { recursive: true });

  // method 1
  const { files, error } = openWithoutClosing(nFiles, folder);
  for (const file of files) file.close();
  if (error) {
    if (error.code !== 'EMFILE') throw error;
    // One line where Python prints a traceback: the reader needs the errno and the count.
    console.error(
      `EMFILE: too many open files, open 'output1/sample${files.length}.txt' (method 1 held ${files.length} files open; ulimit -n is ${limit ?? 'unknown'})`,
    );
    process.exitCode = 1;
  }

  // method 2
  const mostAtOnce = openWithUsing(nFiles, folder);
  print(
    `Method 2 (using): ${nFiles} files written, at most ${mostAtOnce ?? 'an uncounted number of'} open at once.`,
  );
}

if (isMain(import.meta.url)) runMain(main);
