import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Creates `folder` and its missing parents one by one. Node's `mkdir({ recursive: true })` loops
 * for ever under /proc (its parent exists but refuses a new entry with ENOENT, so Node keeps
 * going back up); one level at a time, that is an ENOENT naming the folder.
 */
async function makeFolder(folder: string): Promise<void> {
  const missing: string[] = [];
  for (let current = folder; ; current = dirname(current)) {
    const found = await stat(current).then(
      async (status) => {
        // A file in the way: mkdir's own EEXIST names it.
        if (!status.isDirectory()) await mkdir(current);
        return true;
      },
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw error;
      },
    );
    if (found || dirname(current) === current) break;
    missing.unshift(current);
  }
  for (const part of missing) {
    await mkdir(part).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
}

/**
 * Writes a report file, creating its folder. Every failure is a system error that names the file
 * (a full disk reports ENOSPC from `write` with no path of its own), so `runMain` prints it as one
 * line, `runner: cannot write /dev/full: no space left on device (ENOSPC)`, and exits 1.
 */
export async function writeReportFile(file: string, text: string): Promise<void> {
  try {
    await makeFolder(dirname(file));
    await writeFile(file, text);
  } catch (error) {
    const failure = error as NodeJS.ErrnoException;
    if (failure.code !== undefined && failure.path === undefined) {
      Object.assign(failure, { path: file, syscall: failure.syscall ?? 'write' });
    }
    throw failure;
  }
}
