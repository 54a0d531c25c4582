// Not a book file: what example1 needs to reach the descriptor limit on every machine, where the
// book's 254 files (then 10000) fail only where the limit happens to be low. Method 1 opens one
// file more than the soft limit (`ulimit -n`); where that limit is too high to reach (above
// 100,000, common in containers), the program runs itself again under the book's 10000. Node
// cannot lower its own limit (Python's `resource.setrlimit`): the child runs under `ulimit -n`.
//
//   --files N    how many files each method opens (default: the soft limit + 1; the book's is 254)
//   --ulimit N   run again under `ulimit -n N`, to reach a lower limit faster
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { numberOption, parseOptions, wholeNumber } from '@mc/core';
import { getrlimit, RLIM_INFINITY, RLIMIT_NOFILE } from '@mc/core/resource';

/** What the book tries next to pass the limit; used when the limit cannot be read or is too high. */
export const BOOK_TOO_MANY_FILES = 10000;
/** Above this soft limit, reaching it would litter the disk: the program lowers it first. */
export const MOST_FILES = 100_000;

/** The soft limit on open descriptors (`ulimit -n`), or undefined where it cannot be read. */
export function openFilesLimit(): number | undefined {
  try {
    const [soft] = getrlimit(RLIMIT_NOFILE);
    return soft === RLIM_INFINITY ? undefined : soft;
  } catch {
    return undefined;
  }
}

/** The descriptor limit method 1 runs into when run with no option: the soft limit, if reachable. */
export function lessonLimit(limit: number | undefined): number | undefined {
  return limit !== undefined && limit > MOST_FILES ? BOOK_TOO_MANY_FILES : limit;
}

/** Runs the program at `moduleUrl` again under `ulimit -n limit` (a shell builtin). */
function rerunUnderLimit(moduleUrl: string, limit: number, files: number | undefined): undefined {
  const rest = files === undefined ? [] : ['--files', String(files)];
  const shell = `ulimit -n ${limit} && exec "$0" "$@"`;
  const child = spawnSync(
    'bash',
    ['--norc', '--noprofile', '-c', shell, process.execPath, fileURLToPath(moduleUrl), ...rest],
    { stdio: 'inherit' },
  );
  process.exitCode = child.status ?? 1;
  return undefined;
}

/**
 * Reads `--files N` and `--ulimit N` and answers how many files each method opens and the limit
 * method 1 meets; or runs the program at `moduleUrl` again under a lower limit and answers
 * undefined, the child having done the work.
 */
export function filesToOpen(
  args: readonly string[],
  moduleUrl: string,
): { nFiles: number; limit: number | undefined } | undefined {
  const { values } = parseOptions(
    { args: [...args], options: { files: { type: 'string' }, ulimit: { type: 'string' } } },
    'usage: example1.js [--files N] [--ulimit N]',
  );
  const files = numberOption('files', values.files, wholeNumber(1));
  const ulimit = numberOption('ulimit', values.ulimit, wholeNumber(1));
  if (ulimit !== undefined) return rerunUnderLimit(moduleUrl, ulimit, files);

  const limit = openFilesLimit();
  if (files === undefined && limit !== lessonLimit(limit)) {
    return rerunUnderLimit(moduleUrl, lessonLimit(limit) as number, files);
  }
  const reachable = limit !== undefined && limit <= MOST_FILES;
  return { nFiles: files ?? (reachable ? limit + 1 : BOOK_TOO_MANY_FILES), limit };
}
