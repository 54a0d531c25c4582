// Runs a compiled server example as its own process on a free port, and talks to it as telnet would.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** Resolves when `check()` holds, polling every 10 ms; rejects after `seconds` with `what`. */
export async function until(check: () => boolean, what: string, seconds = 10): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A server example running in its own process. */
export interface ServerProcess {
  readonly port: number;
  readonly child: ChildProcess;
  /** What it printed so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves once its stdout contains `text`. */
  printed(text: string): Promise<void>;
  /** Sends SIGINT (Ctrl+C) and resolves with its exit status. */
  interrupt(): Promise<number | null>;
}

/** Starts `node dist/<name>.js --port 0` and waits for `Serving on ('127.0.0.1', N)`. */
export async function startServer(name: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, [`dist/${name}.js`, '--port', '0'], { cwd: packageDir });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    stdout += text;
  });
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const listening = () => /^Serving on \('127\.0\.0\.1', (\d+)\)$/m.exec(stdout);
  await until(() => listening() !== null || child.exitCode !== null, 'the listening line');
  const port = Number(listening()?.[1]);
  if (!port) throw new Error(`${name} did not start: ${stderr}`);
  return {
    port,
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    printed: (text) => until(() => stdout.includes(text), JSON.stringify(text)),
    interrupt: async () => {
      child.kill('SIGINT');
      return exited;
    },
  };
}

/** A telnet-like client: what it received, whether the server closed the connection. */
export interface Client {
  readonly socket: Socket;
  /** The client's own port: the server logs it as the peer's. */
  readonly localPort: number;
  /** Every byte received so far. */
  received(): Buffer;
  closedByServer(): boolean;
  /** Resolves once the text received contains `text`. */
  expect(text: string): Promise<void>;
  /** Resolves once the server has closed the connection. */
  closed(): Promise<void>;
}

export async function connectClient(port: number): Promise<Client> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  const chunks: Buffer[] = [];
  let ended = false;
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.on('close', () => {
    ended = true;
  });
  socket.on('error', () => {});
  const received = () => Buffer.concat(chunks);
  return {
    socket,
    localPort: socket.localPort ?? 0,
    received,
    closedByServer: () => ended,
    expect: (text) => until(() => received().toString('utf8').includes(text), JSON.stringify(text)),
    closed: () => until(() => ended, 'the server to close the connection'),
  };
}

/** True when something accepts connections on the port. */
export async function portOpen(port: number): Promise<boolean> {
  const socket = connect(port, '127.0.0.1');
  try {
    await once(socket, 'connect');
    return true;
  } catch {
    return false;
  } finally {
    socket.destroy();
  }
}
