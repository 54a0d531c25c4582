// Mirrors Chapter04/example1.py: files opened and never closed leak file descriptors until the
// operating system refuses to open more (EMFILE, "Too many open files"); opened with `with`, each
// is closed at the end of its block and the same loop never holds more than one. Node's twin of
// `with open(...) as f:` is `using f = open(...)` (TypeScript 5.2+): a disposable file handle.
// The book leaves its methods 2 (explicit `f.close()`) and 3 (`with`) commented out; all three run.
//
// The book opens 254 files, then suggests 10000 to pass its machine's limit. Here method 1 opens one
// file more than the soft limit (`ulimit -n`, read from /proc/self/limits) so it always reaches it,
// reports EMFILE in one line and closes what it opened; method 2 then writes the same files closing
// each by hand, and method 3 with `using`. The exit status is 1 when method 1 hit EMFILE: the leak
// is the failure being shown.
// Where the soft limit is too high to reach (above 100,000, common in containers), the program runs
// itself again under the book's 10000, so the lesson holds there too.
//
//   --files N    how many files each method opens (default: the soft limit + 1; the book's is 254)
//   --ulimit N   run again under `ulimit -n N`, to reach a lower limit faster
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type File,
  isMain,
  numberOption,
  open,
  parseOptions,
  print,
  runMain,
  wholeNumber,
} from '@mc/core';

/** Where the sample files go: the chapter's git-ignored `output/` folder, never `src/`. */
export const outputDir = fileURLToPath(new URL('../output/', import.meta.url));

/** What the book tries next to pass the limit; used when the limit cannot be read or is too high. */
export const BOOK_TOO_MANY_FILES = 10000;
/** Above this soft limit, reaching it would litter the disk: the program lowers it first. */
export const MOST_FILES = 100_000;

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
 * Watches how many descriptors this process holds above those it held when made (counted in
 * /proc/self/fd), keeping the most seen; `most` is undefined where they cannot be counted.
 */
function descriptorWatch(): { look(): void; readonly most: number | undefined } {
  const before = openDescriptorCount();
  let most: number | undefined;
  return {
    look() {
      const now = openDescriptorCount();
      if (before !== undefined && now !== undefined) most = Math.max(most ?? 0, now - before);
    },
    get most() {
      return most;
    },
  };
}

/**
 * Method 2: opens each file, keeps it in the list and closes it by hand (`f.close()`) before the
 * next opens. Returns the most descriptors held at once, or undefined where they cannot be counted.
 */
export function openThenClose(nFiles: number, folder: string): number | undefined {
  const watch = descriptorWatch();
  const files: File[] = [];
  for (let i = 0; i < nFiles; i += 1) {
    const f = open(samplePath(folder, i), 'w');
    files.push(f);
    watch.look();
    f.close();
  }
  return watch.most;
}

/**
 * Method 3: opens the same files with `using`, the twin of `with open(...) as f:`, so each closes
 * at the end of its block, before the next opens. Returns the most descriptors held at once, or
 * undefined where they cannot be counted.
 */
export function openWithUsing(nFiles: number, folder: string): number | undefined {
  const watch = descriptorWatch();
  const files: File[] = [];
  for (let i = 0; i < nFiles; i += 1) {
    using f = open(samplePath(folder, i), 'w');
    files.push(f);
    watch.look();
  }
  return watch.most;
}

/** The line each closing method prints: the book's methods print nothing, so this shows the count. */
function closedReport(method: string, nFiles: number, mostAtOnce: number | undefined): string {
  return `${method}: ${nFiles} files written, at most ${mostAtOnce ?? 'an uncounted number of'} open at once.`;
}

/** `--files N` and `--ulimit N`, each a whole number of at least 1 when given. */
function readOptions(args: readonly string[]): {
  files: number | undefined;
  ulimit: number | undefined;
} {
  const { values } = parseOptions(
    { args: [...args], options: { files: { type: 'string' }, ulimit: { type: 'string' } } },
    'usage: example1.js [--files N] [--ulimit N]',
  );
  return {
    files: numberOption('files', values.files, wholeNumber(1)),
    ulimit: numberOption('ulimit', values.ulimit, wholeNumber(1)),
  };
}

/** The descriptor limit method 1 runs into when run with no option: the soft limit, if reachable. */
export function lessonLimit(limit: number | undefined): number | undefined {
  return limit !== undefined && limit > MOST_FILES ? BOOK_TOO_MANY_FILES : limit;
}

/** Runs this program again under `ulimit -n limit` (a shell builtin: Node cannot lower it). */
function rerunUnderLimit(limit: number, files: number | undefined): void {
  const rest = files === undefined ? [] : ['--files', String(files)];
  const script = fileURLToPath(import.meta.url);
  const shell = `ulimit -n ${limit} && exec "$0" "$@"`;
  const child = spawnSync(
    'bash',
    ['--norc', '--noprofile', '-c', shell, process.execPath, script, ...rest],
    {
      stdio: 'inherit',
    },
  );
  process.exitCode = child.status ?? 1;
}

export async function main(args: readonly string[] = process.argv.slice(2)): Promise<void> {
  const options = readOptions(args);
  if (options.ulimit !== undefined) return rerunUnderLimit(options.ulimit, options.files);

  const limit = openFilesLimit();
  if (options.files === undefined && limit !== lessonLimit(limit)) {
    return rerunUnderLimit(lessonLimit(limit) as number, options.files);
  }

  const reachable = limit !== undefined && limit <= MOST_FILES;
  const nFiles = options.files ?? (reachable ? limit + 1 : BOOK_TOO_MANY_FILES);
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
  print(closedReport('Method 2 (close)', nFiles, openThenClose(nFiles, folder)));

  // method 3
  print(closedReport('Method 3 (using)', nFiles, openWithUsing(nFiles, folder)));
}

if (isMain(import.meta.url)) runMain(main);
