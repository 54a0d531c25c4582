import { packageDirOf } from './package-dir.js';
import {
  DEFAULT_LIMIT_SECONDS,
  type StartExampleOptions,
  startExample,
} from './running-example.js';

/** How a spawned example ended. Times are seconds since it was spawned. */
export interface ExampleRun {
  /** Exit status; null when the process was killed by a signal (at the limit, for one). */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout split into lines, without the empty string after the last newline. */
  readonly lines: string[];
  /** When its output was all in: the whole run. */
  readonly seconds: number;
  readonly pid: number;
  /** When its last output arrived on stdout (0 when it printed nothing). */
  readonly lastOutputAt: number;
  /** When its process had exited. */
  readonly exitedAt: number;
}

/** How `runExample` runs the program. */
export interface RunExampleOptions extends StartExampleOptions {
  /** Written to stdin once stdout contains `afterOutput`, then stdin closes. Without: closed at once. */
  readonly answer?: { readonly text: string; readonly afterOutput: string };
}

/**
 * Runs `node dist/<name>.js` in `packageDir`, as the runner does, and collects what it prints, its
 * exit status and when it printed and exited. Stdin is closed at once, or after `answer` is
 * written; the process is killed with SIGKILL at `limitSeconds` (50 by default), so a hang fails
 * the test with `code` null instead of stalling it. The promise rejects only when the program
 * cannot be spawned at all.
 *
 * @example const run = await runExample(packageDir, 'example1', { timeScale: 0.01, args: ['--no-wait'] })
 */
export async function runExample(
  packageDir: string,
  name: string,
  options: RunExampleOptions = {},
): Promise<ExampleRun> {
  const run = startExample(packageDir, name, options);
  const { answer } = options;
  if (!answer) run.child.stdin.end();
  else {
    const limit = options.limitSeconds ?? DEFAULT_LIMIT_SECONDS;
    run
      .until(() => run.stdout.includes(answer.afterOutput), 'the prompt', limit)
      .then(
        () => run.child.stdin.end(answer.text),
        () => {}, // it ended, or was killed at its limit, without asking
      );
  }
  const { code } = await run.ended;
  const lines = run.stdout.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return {
    code,
    stdout: run.stdout,
    stderr: run.stderr,
    lines,
    seconds: run.seconds(),
    pid: run.pid,
    lastOutputAt: run.lastOutputAt,
    exitedAt: run.exitedAt,
  };
}

/**
 * `runExample` for the package of the test file `testFileUrl` (the folder above its `test/`),
 * with `defaults` under each run's own options: how a test file runs its chapter's examples.
 *
 * @example const runExample = exampleRunner(import.meta.url, { timeScale: 0.01 }); await runExample('example1', { args: ['--no-wait'] })
 */
export function exampleRunner(
  testFileUrl: string,
  defaults: RunExampleOptions = {},
): (name: string, options?: RunExampleOptions) => Promise<ExampleRun> {
  const packageDir = packageDirOf(testFileUrl);
  return (name, options = {}) =>
    runExample(packageDir, name, {
      ...defaults,
      ...options,
      env: { ...defaults.env, ...options.env },
    });
}
