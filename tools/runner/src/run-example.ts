import { constants } from 'node:os';
import type { Duplex } from 'node:stream';
import { execa } from 'execa';
import {
  type ClientScriptResult,
  portClosed,
  runClientScript,
  type TranscriptSink,
  waitForPort,
  waitOutTimeWait,
} from './client-script.js';
import { CPU_SCRIPT, GUARD_FD, parseTimes } from './cpu-time.js';
import type { ClientScript, StdinFeed } from './declare.js';
import { interruptTree, killGroup, settlesWithin, stopTree } from './kill-tree.js';

/** What to run, with which input and within which limit. */
export interface RunRequest {
  /** The executable: `process.execPath` for an example, `python3` for a Python twin. */
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  /** Extra environment variables on top of the runner's own. */
  readonly env?: Readonly<Record<string, string>>;
  readonly stdin?: StdinFeed;
  /** Wall-clock limit in seconds; at the limit the whole process tree is stopped. */
  readonly limitSeconds: number;
  /** Aborting it (Ctrl-C) stops the process tree at once and marks the run interrupted. */
  readonly signal?: AbortSignal;
  /** Receives every chunk the process writes to stdout, as it comes (pass-through). */
  readonly onStdout?: (chunk: Buffer) => void;
  /** Receives every chunk the process writes to stderr, as it comes (pass-through). */
  readonly onStderr?: (chunk: Buffer) => void;
  /** Milliseconds between SIGTERM and SIGKILL when stopping the tree (default 1000). */
  readonly graceMs?: number;
  /** A server: drive it with this client script once it listens, then stop it with SIGINT. */
  readonly client?: ServerClient;
}

/** How to find a server's port and what to do with it. */
export interface ServerClient {
  readonly script: ClientScript;
  /**
   * The server's known port (a book original's): wait out TIME_WAIT on it before the start, and
   * drive it once it listens there, or once it prints the script's `listening` line if sooner.
   */
  readonly port?: number;
  /** Receives the client's side of the exchange, line by line. */
  readonly onLine?: TranscriptSink;
}

/** What happened to a server run (`RunRequest.client`). */
export interface ServedReport {
  /** The port it was driven on; absent when it never listened. */
  readonly port?: number;
  readonly script?: ClientScriptResult;
  /** It exited before the client script was done: a server must stay up until stopped. */
  readonly exitedWhileServing: boolean;
  /** It exited by itself within the stop grace after SIGINT. */
  readonly stoppedByInterrupt: boolean;
  /** Nothing accepted connections on its port once it had exited. */
  readonly portClosed: boolean;
  /** How much of stderr was written before the SIGINT: what follows is the stop's own report. */
  readonly stderrBeforeStop: number;
}

/** Linux keeps a connection in TIME_WAIT for 60 s; a little more, then the server is tried anyway. */
const TIME_WAIT_SECONDS = 65;

/** How long a server may take to exit after SIGINT before it is stopped by force. */
const INTERRUPT_GRACE_MS = 3000;

/** What one run did. */
export interface RunResult {
  /** The command's exit status (128 + n when it died of signal n); null if it never ran. */
  readonly exitCode: number | null;
  /** The signal that ended the command, when `exitCode` says one did. */
  readonly signal: string | null;
  /** Still running at its limit, and stopped by the runner. */
  readonly timedOut: boolean;
  /** Stopped because the runner was interrupted (Ctrl-C). */
  readonly interrupted: boolean;
  /** From spawn to the exit of the wrapper, in seconds. */
  readonly wallSeconds: number;
  /** User + system CPU of the whole process tree, in seconds; null if it could not be read. */
  readonly cpuSeconds: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Why the process could not be started, when it could not. */
  readonly spawnError?: string;
  /** For a server run: the client script's result and how the server stopped. */
  readonly served?: ServedReport;
}

/** Output kept per stream; beyond it the oldest text is dropped (the end holds the error). */
const KEEP_CHARS = 4 * 1024 * 1024;

/** Accumulates a stream's text, keeping at most the last `KEEP_CHARS` characters. */
class Capture {
  text = '';
  add(chunk: Buffer): void {
    this.text += chunk.toString('utf8');
    if (this.text.length > KEEP_CHARS) this.text = this.text.slice(-KEEP_CHARS);
  }
}

const signalNames = new Map(Object.entries(constants.signals).map(([name, n]) => [n, name]));

/** Live process groups, so that a hard exit of the runner can still kill them. */
export const liveGroups: Set<number> = new Set();

/**
 * Runs one command as its own process tree under the CPU-time wrapper: feeds stdin as declared,
 * passes output through while capturing it, stops the tree at the limit or on abort, and always
 * leaves nothing running (the example's process group is killed once the wrapper has exited).
 */
export async function runExample(request: RunRequest): Promise<RunResult> {
  const stdout = new Capture();
  const stderr = new Capture();
  let fd3 = '';
  // A server on a fixed port (a book original) must be able to bind it: wait out TIME_WAIT first.
  if (request.client?.port !== undefined)
    await waitOutTimeWait(request.client.port, TIME_WAIT_SECONDS);
  const started = performance.now();
  // --norc: a bash whose stdin is a socket reads ~/.bashrc even when not interactive, and a
  // machine's rc file may run slow or locking commands (pyenv's rehash) before every example.
  const subprocess = execa(
    'bash',
    ['--norc', '--noprofile', '-c', CPU_SCRIPT, 'runner', request.command, ...request.args],
    {
      cwd: request.cwd,
      env: { ...request.env },
      extendEnv: true,
      // fd 3: the CPU report; fd 5: the guard pipe (its end here closes when the runner dies).
      stdio: ['pipe', 'pipe', 'pipe', 'pipe', 'ignore', 'pipe'],
      buffer: false,
      reject: false,
      detached: true,
      stripFinalNewline: false,
    },
  );
  const pid = subprocess.pid;
  if (pid !== undefined) liveGroups.add(pid);
  let hasExited = false;
  const exited = subprocess.then(
    () => {
      hasExited = true;
    },
    () => {
      hasExited = true;
    },
  );

  subprocess.stdin?.on('error', () => {});
  (subprocess.stdio as unknown as (Duplex | undefined)[])[GUARD_FD]?.on('error', () => {});
  const feed = request.stdin;
  let fed = false;
  const writeFeed = (): void => {
    if (fed || !subprocess.stdin) return;
    fed = true;
    subprocess.stdin.end(feed?.text ?? '');
  };
  if (!feed?.afterOutput) writeFeed();
  const watch = (capture: Capture) => (chunk: Buffer) => {
    capture.add(chunk);
    if (!fed && feed?.afterOutput && (stdout.text + stderr.text).includes(feed.afterOutput)) {
      writeFeed();
    }
  };
  let timedOut = false;
  let interrupted = false;
  let stopping: Promise<void> | undefined;
  const stop = (): void => {
    if (pid !== undefined && !stopping) stopping = stopTree(pid, exited, request.graceMs);
  };

  // A server: once it listens, the client script runs, then SIGINT stops the server as Ctrl-C would.
  const client = request.client;
  let serverPort: number | undefined;
  let driving: Promise<ServedReport> | undefined;
  const drive = (port: number, { script: clientScript, onLine }: ServerClient): void => {
    if (driving) return;
    serverPort = port;
    driving = (async () => {
      const script = await runClientScript(port, clientScript, onLine ?? (() => {}), () => ({
        stdout: stdout.text,
        stderr: stderr.text,
      }));
      const stderrBeforeStop = stderr.text.length;
      const exitedWhileServing = hasExited;
      if (pid !== undefined && !hasExited) await interruptTree(pid);
      const stoppedByInterrupt =
        !exitedWhileServing && (await settlesWithin(exited, INTERRUPT_GRACE_MS));
      if (!stoppedByInterrupt) stop();
      await exited;
      await stopping;
      return {
        port,
        script,
        exitedWhileServing,
        stoppedByInterrupt,
        portClosed: await portClosed(port),
        stderrBeforeStop,
      };
    })();
  };
  const polling = new AbortController();
  if (client?.port !== undefined) {
    const port = client.port;
    void waitForPort(port, polling.signal).then((up) => {
      if (up && !timedOut && !interrupted) drive(port, client);
    });
  }
  const watchListening = (): void => {
    if (!client || driving || timedOut || interrupted) return;
    const match = client.script.listening.exec(stdout.text);
    if (match?.[1]) drive(Number(match[1]), client);
  };
  subprocess.stdout?.on('data', (chunk: Buffer) => {
    watch(stdout)(chunk);
    request.onStdout?.(chunk);
    watchListening();
  });
  subprocess.stderr?.on('data', (chunk: Buffer) => {
    watch(stderr)(chunk);
    request.onStderr?.(chunk);
  });
  subprocess.stdio[3]?.on('data', (chunk: Buffer) => {
    fd3 += chunk.toString('utf8');
  });

  const timer = setTimeout(() => {
    timedOut = true;
    stop();
  }, request.limitSeconds * 1000);
  const onAbort = (): void => {
    interrupted = true;
    stop();
  };
  if (request.signal?.aborted) onAbort();
  request.signal?.addEventListener('abort', onAbort, { once: true });

  const result = await subprocess;
  const wallSeconds = (performance.now() - started) / 1000;
  clearTimeout(timer);
  polling.abort();
  request.signal?.removeEventListener('abort', onAbort);
  const served: ServedReport | undefined = client
    ? ((await driving) ?? {
        ...(serverPort !== undefined ? { port: serverPort } : {}),
        exitedWhileServing: true,
        stoppedByInterrupt: false,
        portClosed: true,
        stderrBeforeStop: stderr.text.length,
      })
    : undefined;
  await stopping;
  if (pid !== undefined) {
    killGroup(pid);
    liveGroups.delete(pid);
  }

  if (result.failed && result.exitCode === undefined && result.signal === undefined) {
    return {
      exitCode: null,
      signal: null,
      timedOut: false,
      interrupted,
      wallSeconds,
      cpuSeconds: null,
      stdout: stdout.text,
      stderr: stderr.text,
      spawnError: result.shortMessage,
    };
  }
  const exitCode =
    result.exitCode ?? (result.signal ? 128 + (constants.signals[result.signal] ?? 0) : null);
  const signal =
    result.signal ??
    (exitCode !== null && exitCode > 128 ? (signalNames.get(exitCode - 128) ?? null) : null);
  return {
    exitCode,
    signal,
    timedOut: timedOut && !interrupted,
    interrupted,
    wallSeconds,
    cpuSeconds: parseTimes(fd3),
    stdout: stdout.text,
    stderr: stderr.text,
    ...(served ? { served } : {}),
  };
}
