import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { daemonWorkPending, joinNonDaemonThreads } from './thread.js';

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
 * for them). An error thrown by `main` is printed and the exit status is 1.
 *
 * @example if (isMain(import.meta.url)) runMain(main)
 */
export function runMain(main: () => unknown): void {
  void (async () => {
    try {
      await main();
      await joinNonDaemonThreads();
    } catch (error) {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exitCode = 1;
    }
    if (daemonWorkPending()) process.exit();
  })();
}
