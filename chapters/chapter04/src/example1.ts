// Mirrors Chapter04/example1.py: files opened and never closed leak file descriptors until the
// operating system refuses to open more (EMFILE, "Too many open files"); opened with `with`, each
// is closed at the end of its block and the same loop never holds more than one. Node's twin of
// `with open(...) as f:` is `using f = open(...)` (TypeScript 5.2+): a disposable file handle.
// The book leaves its methods 2 (explicit `f.close()`) and 3 (`with`) commented out; all three run.
//
// Method 1 opens one file more than the soft limit (see ulimit.ts), reports EMFILE in one line
// where Python prints a traceback, and closes what it opened; methods 2 and 3 then write the same
// files and print how many were open at once. The exit status is 1 when method 1 hit EMFILE: the
// leak is the failure being shown.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type File, isMain, open, print, runMain } from '@mc/core';
import { descriptorWatch } from '@mc/core/resource';
import { filesToOpen } from './ulimit.js';

/** Where the sample files go: the chapter's git-ignored `output/` folder, never `src/`. */
export const outputDir = fileURLToPath(new URL('../output/', import.meta.url));

/** Method 1: keeps every file open. Answers those it holds and the error that stopped it, if any. */
export function openWithoutClosing(
  nFiles: number,
  folder: string,
): { files: File[]; error?: NodeJS.ErrnoException } {
  const files: File[] = [];
  try {
    for (let i = 0; i < nFiles; i += 1) files.push(open(join(folder, `sample${i}.txt`), 'w'));
  } catch (error) {
    return { files, error: error as NodeJS.ErrnoException };
  }
  return { files };
}

/** Method 2: closes each file by hand. Answers the most descriptors it held at once. */
export function openThenClose(nFiles: number, folder: string): number | undefined {
  const watch = descriptorWatch();
  const files: File[] = [];
  for (let i = 0; i < nFiles; i += 1) {
    const f = open(join(folder, `sample${i}.txt`), 'w');
    files.push(f);
    watch.look();
    f.close();
  }
  return watch.most;
}

/** Method 3: `using`, the twin of `with`, closes each file. Answers the most held at once. */
export function openWithUsing(nFiles: number, folder: string): number | undefined {
  const watch = descriptorWatch();
  const files: File[] = [];
  for (let i = 0; i < nFiles; i += 1) {
    using f = open(join(folder, `sample${i}.txt`), 'w');
    files.push(f);
    watch.look();
  }
  return watch.most;
}

/** The book's methods 2 and 3 print nothing: this line shows what they wrote and held. */
const written = (method: string, nFiles: number, most: number | undefined) =>
  `${method}: ${nFiles} files written, at most ${most ?? 'an uncounted number of'} open at once.`;

export async function main(args: readonly string[] = process.argv.slice(2)): Promise<void> {
  const run = filesToOpen(args, import.meta.url);
  if (run === undefined) return; // it ran again under a lower limit
  const { nFiles, limit } = run;
  const folder = join(outputDir, 'output1');
  mkdirSync(folder, { recursive: true });

  // method 1
  const { files, error } = openWithoutClosing(nFiles, folder);
  for (const file of files) file.close();
  if (error) {
    if (error.code !== 'EMFILE') throw error;
    console.error(
      `EMFILE: too many open files, open 'output1/sample${files.length}.txt' (method 1 held ${files.length} files open; ulimit -n is ${limit ?? 'unknown'})`,
    );
    process.exitCode = 1;
  }

  // method 2
  print(written('Method 2 (close)', nFiles, openThenClose(nFiles, folder)));

  // method 3
  print(written('Method 3 (using)', nFiles, openWithUsing(nFiles, folder)));
}

if (isMain(import.meta.url)) runMain(main);
