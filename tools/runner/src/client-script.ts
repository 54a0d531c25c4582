import { readFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import type { ClientScript, ClientSession, ClientStep } from './declare.js';

/** The limit of one step when the script sets none, in seconds. */
export const DEFAULT_STEP_SECONDS = 5;

/** How a client script went: `failure` names the first step that did not happen. */
export interface ClientScriptResult {
  readonly ok: boolean;
  readonly failure?: string;
}

/** Receives the script's side of the exchange, one line at a time: `[client 1] > hello`. */
export type TranscriptSink = (line: string) => void;

/** The server's output so far (stdout and stderr), for `serverPrints` steps. */
export type ServerOutput = () => { readonly stdout: string; readonly stderr: string };

/** How often a `serverPrints` step looks at the server's output, in milliseconds. */
const SERVER_OUTPUT_POLL_MS = 25;

/** Resolves once the server's output matches, or rejects after `seconds`. */
async function untilServerPrints(
  output: ServerOutput,
  expected: string | RegExp,
  seconds: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const { stdout, stderr } = output();
    if (endOfMatch(stdout, expected) >= 0 || endOfMatch(stderr, expected) >= 0) return;
    if (Date.now() >= deadline) throw new Error(`${what}: not printed after ${seconds} s`);
    await new Promise((resolve) => setTimeout(resolve, SERVER_OUTPUT_POLL_MS));
  }
}

/** The step as the transcript and a failure show it. */
function describeStep(step: ClientStep): string {
  if ('send' in step) return `send ${JSON.stringify(step.send)}`;
  if ('expect' in step) return `expect ${String(step.expect)}`;
  if ('serverPrints' in step) return `wait for the server to print ${String(step.serverPrints)}`;
  return 'wait for the server to close';
}

/** Where `expected` first occurs in `text`: the index just past it, or -1. */
function endOfMatch(text: string, expected: string | RegExp): number {
  if (typeof expected === 'string') {
    const at = text.indexOf(expected);
    return at < 0 ? -1 : at + expected.length;
  }
  const match = new RegExp(expected.source, expected.flags.replace('g', '')).exec(text);
  return match ? match.index + match[0].length : -1;
}

/** One connection's received text and its end, watched by the steps that wait on them. */
class Connection {
  received = '';
  closed = false;
  error: Error | undefined;
  private wake: (() => void) | undefined;

  constructor(
    readonly socket: Socket,
    log: (line: string) => void,
  ) {
    socket.setEncoding('utf8');
    socket.on('data', (text: string) => {
      this.received += text;
      for (const line of text.replace(/\r?\n$/, '').split(/\r?\n/)) log(`< ${line}`);
      this.wake?.();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake?.();
    });
    socket.on('error', (error) => {
      this.error = error;
      this.wake?.();
    });
  }

  /** Resolves once `done()` holds, or rejects after `seconds`. */
  async until(done: () => boolean, seconds: number, what: string): Promise<void> {
    const deadline = Date.now() + seconds * 1000;
    while (!done()) {
      if (this.error) throw new Error(`${what}: ${this.error.message}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`${what}: nothing after ${seconds} s`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }
}

/** Opens a TCP connection to 127.0.0.1:port, or rejects with the reason. */
function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.removeListener('error', reject);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

/**
 * Runs one session: connects, performs its steps in order, closes. An `expect` consumes what it
 * matched, so the next `expect` looks only at text received after it.
 */
async function runSession(
  port: number,
  session: ClientSession,
  stepSeconds: number,
  sink: TranscriptSink,
  serverOutput: ServerOutput,
): Promise<void> {
  const log = (line: string): void => sink(`[${session.name}] ${line}`);
  const socket = await open(port).catch((error: Error) => {
    throw new Error(`${session.name}: could not connect: ${error.message}`);
  });
  log('connected');
  const connection = new Connection(socket, log);
  try {
    for (const step of session.steps) {
      const what = `${session.name}: ${describeStep(step)}`;
      if ('send' in step) {
        if (connection.closed) throw new Error(`${what}: the server had closed the connection`);
        for (const line of step.send.replace(/\r?\n$/, '').split(/\r?\n/)) log(`> ${line}`);
        socket.write(step.send);
      } else if ('expect' in step) {
        let end = -1;
        await connection.until(
          () => {
            end = endOfMatch(connection.received, step.expect);
            return end >= 0 || connection.closed;
          },
          stepSeconds,
          what,
        );
        if (end < 0) throw new Error(`${what}: the server closed the connection first`);
        connection.received = connection.received.slice(end);
      } else if ('serverPrints' in step) {
        await untilServerPrints(serverOutput, step.serverPrints, stepSeconds, what);
      } else {
        await connection.until(() => connection.closed, stepSeconds, what);
        log('closed by the server');
      }
    }
  } finally {
    socket.destroy();
  }
}

/**
 * Drives a server listening on 127.0.0.1:`port` with a client script: its sessions one after the
 * other, or all at once when `together`. Never throws: a step that did not happen is the result's
 * `failure`. Step limits are not scaled by the time scale: they only bound a server that never answers.
 */
export async function runClientScript(
  port: number,
  script: ClientScript,
  sink: TranscriptSink,
  serverOutput: ServerOutput = () => ({ stdout: '', stderr: '' }),
): Promise<ClientScriptResult> {
  const stepSeconds = script.stepSeconds ?? DEFAULT_STEP_SECONDS;
  try {
    if (script.together) {
      const results = await Promise.allSettled(
        script.sessions.map((session) =>
          runSession(port, session, stepSeconds, sink, serverOutput),
        ),
      );
      const failed = results.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
    } else {
      for (const session of script.sessions)
        await runSession(port, session, stepSeconds, sink, serverOutput);
    }
    return { ok: true };
  } catch (error) {
    return { ok: false, failure: (error as Error).message };
  }
}

/**
 * Resolves once a socket listens on `port`, looking every 100 ms; false if `signal` aborts first.
 * It reads the kernel's tables rather than connecting: a probe connection would be the first
 * client of a book server that serves one client at a time, and a dropped one can crash it.
 */
export async function waitForPort(port: number, signal: AbortSignal): Promise<boolean> {
  while (!signal.aborted) {
    if ((await socketsInState(port, LISTEN)) > 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/** Resolves true when nothing accepts connections on 127.0.0.1:`port` any more. */
export async function portClosed(port: number): Promise<boolean> {
  try {
    const socket = await open(port);
    socket.destroy();
    return false;
  } catch {
    return true;
  }
}

/** The kernel's TCP states, as /proc/net/tcp writes them. */
const LISTEN = '0A';
const TIME_WAIT = '06';

/**
 * Sockets whose local port is `port` in `state`, from the kernel's tables (Linux; 0 where they
 * cannot be read).
 */
async function socketsInState(port: number, state: string): Promise<number> {
  const hexPort = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  let count = 0;
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const text = await readFile(table, 'utf8').catch(() => '');
    // Columns: sl, local address (IP:PORT in hex), remote address, state, ...
    for (const row of text.split('\n').slice(1)) {
      const [, local, , rowState] = row.trim().split(/\s+/);
      if (local?.endsWith(hexPort) && rowState === state) count++;
    }
  }
  return count;
}

/** Connections on `port` in TIME_WAIT (Linux; 0 elsewhere). */
export function timeWaitCount(port: number): Promise<number> {
  return socketsInState(port, TIME_WAIT);
}

/**
 * Waits until no connection on `port` is in TIME_WAIT, at most `seconds`. A server that closed
 * connections first leaves them there for a minute, and a book original that binds without
 * SO_REUSEADDR cannot listen on that port meanwhile (`Address already in use`). Resolves true when
 * the port is clear.
 */
export async function waitOutTimeWait(port: number, seconds: number): Promise<boolean> {
  const deadline = Date.now() + seconds * 1000;
  while ((await timeWaitCount(port)) > 0) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return true;
}
