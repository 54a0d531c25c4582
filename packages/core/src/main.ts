import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from './errors.js';
import { shutdownProcesses } from './multiprocessing/process.js';
import { daemonWorkPending, joinNonDaemonThreads } from './threading/thread.js';

/**
 * The exit status when `main` can never finish: the one Node itself uses for a top-level await
 * that nothing will settle.
 */
export const STALLED_EXIT_CODE = 13;

/**
 * True when the module whose `import.meta.url` is given is the program Node was asked to run,
 * false when it was imported (by a test, say). Twin of `if __name__ == '__main__':`.
 *
 * @example if (isMain(import.meta.url)) runMain(main)
 */
export function isMain(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(fileURLToPath(moduleUrl)) === realpathSync(resolve(script));
  } catch {
    return false;
  }
}

/**
 * Runs a program's main function the way Python runs a script. When `main` returns, it waits for
 * every non-daemon `Thread` still alive, then ends the program even if daemon threads or
 * fire-and-forget tasks are still running (Python kills those at exit; Node would otherwise wait
 * for them). Then it applies Python's exit rule to child processes: live daemon `Process`es are
 * terminated, the others waited for. A `UsageError` prints one line and exits 2; any other error
 * prints its stack and exits 1.
 *
 * A program whose main waits for something nothing can deliver (a lock never released, with no
 * timeout) does not hang in Node as it does in Python: a pending promise keeps nothing alive, so
 * the event loop empties and Node would end silently with status 0. `runMain` notices that moment
 * and reports it in one line with status 13 instead.
 *
 * @example if (isMain(import.meta.url)) runMain(main)
 */
export function runMain(main: () => unknown): void {
  let finished = false;
  const reportStall = () => {
    if (finished) return;
    process.stderr.write(
      'Stalled: main() is still waiting but nothing is left that could wake it ' +
        '(a lock never released? a promise never settled?)\n',
    );
    process.exitCode = STALLED_EXIT_CODE;
  };
  process.once('beforeExit', reportStall);
  void (async () => {
    try {
      await main();
      await joinNonDaemonThreads();
    } catch (error) {
      reportError(error);
    } finally {
      finished = true;
      process.off('beforeExit', reportStall);
    }
    await shutdownProcesses();
    if (daemonWorkPending()) process.exit();
  })();
}

function reportError(error: unknown): void {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
    return;
  }
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
}
