import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

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
export interface RunExampleOptions {
  /** Command-line arguments after the script. */
  readonly args?: readonly string[];
  /** BOOK_TIME_SCALE for the program; without it, the variable is left as this process has it. */
  readonly timeScale?: number | string;
  /** Variables added to its environment after the time scale; one set to undefined is removed. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Written to stdin once stdout contains `afterOutput`, then stdin closes. Without: closed at once. */
  readonly answer?: { readonly text: string; readonly afterOutput: string };
  /** Seconds after which the process is killed with SIGKILL (its `code` is then null). */
  readonly limitSeconds?: number;
}

/** The limit of a run that sets none: below the 60 s the chapters give a test. */
export const DEFAULT_LIMIT_SECONDS = 50;

/** This process's environment with `timeScale` as BOOK_TIME_SCALE and `env` applied (undefined removes). */
export function exampleEnv(
  options: Pick<RunExampleOptions, 'timeScale' | 'env'>,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (options.timeScale !== undefined) env.BOOK_TIME_SCALE = String(options.timeScale);
  for (const [variable, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[variable];
    else env[variable] = value;
  }
  return env;
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
export function runExample(
  packageDir: string,
  name: string,
  options: RunExampleOptions = {},
): Promise<ExampleRun> {
  const env = exampleEnv(options);
  const started = performance.now();
  const since = () => (performance.now() - started) / 1000;
  const child = spawn(process.execPath, [join('dist', `${name}.js`), ...(options.args ?? [])], {
    cwd: packageDir,
    env,
  });
  let stdout = '';
  let stderr = '';
  let lastOutputAt = 0;
  const { answer } = options;
  // The program may exit before it reads its stdin: a write to the closed pipe is no failure here.
  child.stdin.on('error', () => {});
  if (!answer) child.stdin.end();
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    lastOutputAt = since();
    if (answer && !child.stdin.writableEnded && stdout.includes(answer.afterOutput)) {
      child.stdin.end(answer.text);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const limit = setTimeout(
    () => child.kill('SIGKILL'),
    (options.limitSeconds ?? DEFAULT_LIMIT_SECONDS) * 1000,
  );
  let exitedAt = 0;
  return new Promise((resolve, reject) => {
    child.once('error', (error) => {
      clearTimeout(limit);
      reject(error);
    });
    child.once('exit', () => {
      exitedAt = since();
    });
    child.once('close', (code) => {
      clearTimeout(limit);
      const lines = stdout.split('\n');
      if (lines.at(-1) === '') lines.pop();
      resolve({
        code,
        stdout,
        stderr,
        lines,
        seconds: since(),
        pid: child.pid ?? -1,
        lastOutputAt,
        exitedAt,
      });
    });
  });
}
