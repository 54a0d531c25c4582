import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkArguments, type ProgramOptions } from './check-arguments.js';
import { enableCompileCacheForChildren } from './compile-cache.js';
import { publishThread } from './diagnostics.js';
import { UsageError } from './errors.js';
import { stopRequested } from './interrupt.js';
import { atMainEnd } from './main-end.js';
import { describeOperationalError } from './operational-error.js';
import { daemonWorkPending, joinNonDaemonThreads } from './threading/thread.js';
import { timeScale } from './time-scale.js';

// From the loaded modules, not imported: see the note in file.ts.
const { realpathSync } = process.getBuiltinModule('node:fs');

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

/** How `runMain` reports. */
export interface RunMainOptions {
  /** A command's name, put before its one-line errors (`status-server: ...`); examples give none. */
  readonly name?: string;
  /**
   * The options the program accepts (`node:util` `parseArgs` form; `{}`: none). Given, the command
   * line is checked before `main` runs: anything else is one line naming the valid ones, exit 2.
   */
  readonly options?: ProgramOptions;
}

/**
 * Runs a program's main function the way Python runs a script. When `main` returns, it waits for
 * every non-daemon `Thread` still alive, then ends the program even if daemon threads or
 * fire-and-forget tasks are still running (Python kills those at exit; Node would otherwise wait
 * for them). Then it applies Python's exit rule to child processes: live daemon `Process`es are
 * terminated, the others waited for. A `UsageError` prints one line and exits 2; an error the user
 * caused (a refused connection, an unknown host, a missing file, a port in use: see
 * `describeOperationalError`) prints one line saying what failed and why, and exits 1; any other
 * error is a bug, and prints its stack and exits 1.
 *
 * A program blocked on a `threading.Lock` stays alive as Python's does (the lock keeps it alive
 * while anyone waits, and names a deadlock cycle: see `Lock`). A main waiting for anything else
 * that nothing can deliver (a promise never settled, a queue item never put) does not hang in
 * Node: a pending promise keeps nothing alive, so the event loop empties and Node would end
 * silently with status 0. `runMain` notices that moment and reports it in one line, `Stalled:
 * ...`, with status 13 instead.
 *
 * @example if (isMain(import.meta.url)) runMain(main)
 * @example runMain(main, { name: 'status-server' }) // status-server: cannot listen on ...
 * @example runMain(main, { options: { guarded: { type: 'boolean' } } }) // --gaurded: one line, exit 2
 */
export function runMain(main: () => unknown, options: RunMainOptions = {}): void {
  const prefix = options.name === undefined ? '' : `${options.name}: `;
  // The modules loaded from here on, and every child process and worker, start from compiled code.
  enableCompileCacheForChildren();
  let finished = false;
  const reportStall = () => {
    if (finished) return;
    process.stderr.write(
      'Stalled: main() is still waiting but nothing is left that could wake it ' +
        '(a promise never settled? a queue item never put?)\n',
    );
    process.exitCode = STALLED_EXIT_CODE;
  };
  process.once('beforeExit', reportStall);
  void (async () => {
    publishThread('start', 'MainThread');
    try {
      if (options.options !== undefined) checkArguments(process.argv.slice(2), options.options);
      checkTimeScale();
      await main();
      await joinNonDaemonThreads();
    } catch (error) {
      reportError(error, prefix);
    } finally {
      publishThread('end', 'MainThread');
      finished = true;
      process.off('beforeExit', reportStall);
    }
    for (const step of atMainEnd) await step();
    // After Ctrl-C, what main abandoned (the sleep it was in) must not keep the program alive.
    if (daemonWorkPending() || stopRequested() !== undefined) process.exit();
  })();
}

/**
 * Refuses a bad `BOOK_TIME_SCALE` before the program starts, as a bad argument: otherwise every
 * thread that sleeps would fail on its own, each with a stack, and the program would go on.
 */
function checkTimeScale(): void {
  try {
    timeScale();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function reportError(error: unknown, prefix: string): void {
  if (error instanceof UsageError) {
    process.stderr.write(`${prefix}${error.message}\n`);
    process.exitCode = 2;
    return;
  }
  const operational = describeOperationalError(error);
  if (operational !== undefined) {
    process.stderr.write(`${prefix}${operational}\n`);
    process.exitCode = 1;
    return;
  }
  process.exitCode = 1;
  if (error instanceof Error) {
    console.error(error.stack ?? error.message);
    return;
  }
  // A thrown value that is no Error has no stack to show: a WebAssembly module's exit, say
  // (emscripten's `ExitStatus`). One line, as Python prints an exception's last line.
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  process.stderr.write(
    typeof name === 'string' && typeof message === 'string'
      ? `${prefix}${name}: ${message}\n`
      : `${prefix}${String(error)}\n`,
  );
}
