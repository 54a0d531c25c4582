// Mirrors Chapter04/example2.py: get_data_from_file_v1 acquires a lock, fails to open a missing
// file and never releases the lock, so the program's next acquire waits forever (a deadlock);
// get_data_from_file_v2 holds the lock in a `with` block, which releases it even on the error.
// Node's twin of `with my_lock, open(...) as f:` is `using` over `lock.hold()` and a disposable
// file. Where the book's program hangs, this one waits a bounded time (`acquire({ timeout })`),
// then reports the deadlock in one line and exits with status 1.
//
//   --guarded     run get_data_from_file_v2 instead, as the book's commented-out line does
//   --unbounded   acquire without a bound, as the book does: the program blocks for ever, as
//                 Python's does (core's Lock keeps it alive while a thread waits), and core names
//                 the deadlock on stderr: `Deadlock: MainThread holds my_lock and waits for
//                 my_lock`. Either way, `Lock can still be acquired.` never prints.
import { join } from 'node:path';
import { isMain, open, parseOptions, print, runMain } from '@mc/core';
import { Lock } from '@mc/core/threading';
import { outputDir } from './example1.js';

/** How long (book seconds, scaled) the final acquire waits before calling it a deadlock. */
export const DEADLOCK_BOUND_SECONDS = 2;

// induces deadlocks
export async function getDataFromFileV1(myLock: Lock, filename: string, data: string[]) {
  await myLock.acquire();

  {
    using f = open(filename, 'r');
    data.push(f.read());
  }

  myLock.release();
}

// handles exceptions
export async function getDataFromFileV2(myLock: Lock, filename: string, data: string[]) {
  using _held = await myLock.hold();
  using f = open(filename, 'r');
  data.push(f.read());
}

export async function main(args: readonly string[] = process.argv.slice(2)): Promise<void> {
  const { values: options } = parseOptions(
    { args: [...args], options: { guarded: { type: 'boolean' }, unbounded: { type: 'boolean' } } },
    'usage: example2.js [--guarded] [--unbounded]',
  );
  const myLock = new Lock({ name: 'my_lock' });
  const data: string[] = [];
  const getDataFromFile = options.guarded ? getDataFromFileV2 : getDataFromFileV1;

  try {
    await getDataFromFile(myLock, join(outputDir, 'output2', 'sample0.txt'), data);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    print('File could not be found...');
  }

  if (options.unbounded) {
    await myLock.acquire();
    print('Lock can still be acquired.');
    return;
  }

  if (!(await myLock.acquire({ timeout: DEADLOCK_BOUND_SECONDS }))) {
    // Python's acquire() would wait forever here; the bound turns the hang into a report.
    console.error(
      `DeadlockDetected: the lock is still held after ${DEADLOCK_BOUND_SECONDS} s: get_data_from_file_v1 never released it`,
    );
    process.exitCode = 1;
    return;
  }
  print('Lock can still be acquired.');
}

if (isMain(import.meta.url)) runMain(main);
