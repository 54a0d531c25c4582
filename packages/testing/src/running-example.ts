import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { waitUntil } from './wait-until.js';

/** How `startExample` (and `runExample`) start the program. */
export interface StartExampleOptions {
  /** Command-line arguments after the script. */
  readonly args?: readonly string[];
  /** BOOK_TIME_SCALE for the program; without it, the variable is left as this process has it. */
  readonly timeScale?: number | string;
  /** Variables added to its environment after the time scale; one set to undefined is removed. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Seconds after which the process is killed with SIGKILL (its `code` is then null). */
  readonly limitSeconds?: number;
}

/**
 * Long enough for a program that blocks (a deadlock, a livelock) to start, block and be looked at
 * twice by core's deadlock watch (every 0.5 s), on a loaded machine: the `limitSeconds` of such a run.
 */
export const BLOCKED_SECONDS = 4;

/** The limit of a run that sets none: below the 60 s the chapters give a test. */
export const DEFAULT_LIMIT_SECONDS = 50;

/** This process's environment with `timeScale` as BOOK_TIME_SCALE and `env` applied (undefined removes). */
export function exampleEnv(
  options: Pick<StartExampleOptions, 'timeScale' | 'env'>,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (options.timeScale !== undefined) env.BOOK_TIME_SCALE = String(options.timeScale);
  for (const [variable, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[variable];
    else env[variable] = value;
  }
  return env;
}

/** How a started program ended: its exit status, or the signal that killed it. */
export interface ExampleExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/**
 * A program started by `startExample` or `startProgram`, still running or not: what it printed so
 * far, waits on its output, a signal to stop it, and its CPU time.
 */
export class RunningExample {
  readonly child: ChildProcessWithoutNullStreams;
  /** Everything it printed so far. */
  stdout = '';
  stderr = '';
  /** How it ended, once it has exited and its output is all in. */
  exit: ExampleExit | undefined;
  /** Seconds from its start to its last output on stdout (0 while it printed nothing), and to its exit. */
  lastOutputAt = 0;
  exitedAt = 0;
  readonly #startedAt = performance.now();
  /** Resolves once it has exited and its output is all in; rejects when it could not start. */
  readonly ended: Promise<ExampleExit>;
  /** Emits `change` on each piece of output and at the end. */
  readonly #changes = new EventEmitter();
  #failed = false;
  /** The complete lines of stdout so far, kept as they come: a test may wait for 30,000 of them. */
  readonly #lines: string[] = [];
  #partialLine = '';

  constructor(child: ChildProcessWithoutNullStreams, limitSeconds: number) {
    this.child = child;
    child.stdin.on('error', () => {}); // it may exit before reading its stdin
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      this.stdout += text;
      this.lastOutputAt = this.seconds();
      const parts = (this.#partialLine + text).split('\n');
      this.#partialLine = parts.pop() ?? '';
      for (const line of parts) this.#lines.push(line);
      this.#changes.emit('change');
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      this.stderr += text;
      this.#changes.emit('change');
    });
    const limit = setTimeout(() => child.kill('SIGKILL'), limitSeconds * 1000);
    limit.unref();
    this.ended = new Promise((resolve, reject) => {
      child.once('error', (error) => {
        clearTimeout(limit);
        this.#failed = true;
        this.#changes.emit('change');
        reject(error);
      });
      child.once('exit', () => {
        this.exitedAt = this.seconds();
      });
      child.once('close', (code, signal) => {
        clearTimeout(limit);
        this.exit = { code, signal };
        this.#changes.emit('change');
        resolve(this.exit);
      });
    });
    this.ended.catch(() => {}); // the waits report the failure; nobody need await `ended`
  }

  /** Seconds since it was started. */
  seconds(): number {
    return (performance.now() - this.#startedAt) / 1000;
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** The complete lines of stdout so far, without their newlines. */
  lines(): string[] {
    return this.#lines.slice();
  }

  /**
   * Resolves once `check()` holds, tested on each piece of output; rejects as soon as the program
   * has ended without it, or after `seconds` (20 by default).
   */
  until(check: () => boolean, what: string, seconds?: number): Promise<void> {
    return waitUntil(
      this.#changes,
      ['change'],
      check,
      () => this.exit !== undefined || this.#failed,
      () => `${what}; stdout ${JSON.stringify(this.stdout)}, stderr ${JSON.stringify(this.stderr)}`,
      seconds,
    );
  }

  /** Resolves once stdout contains `text`. */
  printed(text: string): Promise<void> {
    return this.until(() => this.stdout.includes(text), JSON.stringify(text));
  }

  /** Sends `signal` (a reader's Ctrl+C by default) unless it has ended; resolves with how it ended. */
  stop(signal: NodeJS.Signals = 'SIGINT'): Promise<ExampleExit> {
    if (this.exit === undefined) this.child.kill(signal);
    return this.ended;
  }

  /** CPU seconds it has used so far, user and system (utime + stime of Linux's /proc/<pid>/stat). */
  cpuSeconds(): number {
    const fields = readFileSync(`/proc/${this.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // After "pid (comm) ", utime and stime are the 12th and 13th fields, in clock ticks (100 a second).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  }
}

/**
 * Starts `node <script>` (a path from `packageDir`) and returns at once. Its stdin stays open,
 * as a terminal's would (`child.stdin` writes to it); it is killed with SIGKILL after
 * `limitSeconds` (50 by default), so a test that forgets it leaves nothing running.
 *
 * @example const run = startProgram(packageDir, 'test/fixtures/mixed.mjs'); await run.ended;
 */
export function startProgram(
  packageDir: string,
  script: string,
  options: StartExampleOptions = {},
): RunningExample {
  const child = spawn(process.execPath, [script, ...(options.args ?? [])], {
    cwd: packageDir,
    env: exampleEnv(options),
  });
  return new RunningExample(child, options.limitSeconds ?? DEFAULT_LIMIT_SECONDS);
}

/**
 * Starts `node dist/<name>.js` in `packageDir` (see `startProgram`), for a test that watches it
 * while it runs and stops it with a signal.
 *
 * @example const run = startExample(packageDir, 'example1', { timeScale: 0.05 }); await run.printed('Tick'); await run.stop();
 */
export function startExample(
  packageDir: string,
  name: string,
  options: StartExampleOptions = {},
): RunningExample {
  return startProgram(packageDir, join('dist', `${name}.js`), options);
}

/** A server example, running: `port` is the one its listening line gave. */
export type RunningServer = RunningExample & { readonly port: number };

/** How `startServerExample` starts a server; `args` are `--port 0` unless given. */
export interface StartServerOptions extends StartExampleOptions {
  /** Its listening line; capture group 1 is the port. */
  readonly listening: RegExp;
}

/**
 * Starts the server `node dist/<name>.js --port 0` and waits for its `listening` line, as the
 * runner does; the test then talks to `port` (see `connectTelnet`) and stops it with `stop()`.
 * Rejects, with what it printed, when it ends or says nothing for 20 s first.
 *
 * @example const server = await startServerExample(packageDir, 'example1', { listening: /^Serving on .*, (\d+)\)$/m });
 */
export async function startServerExample(
  packageDir: string,
  name: string,
  { listening, args = ['--port', '0'], ...options }: StartServerOptions,
): Promise<RunningServer> {
  const server = startExample(packageDir, name, { args, ...options });
  try {
    await server.until(() => listening.test(server.stdout), `the listening line ${listening}`);
  } catch (error) {
    server.child.kill('SIGKILL');
    throw error;
  }
  return Object.assign(server, { port: Number(listening.exec(server.stdout)?.[1]) });
}
