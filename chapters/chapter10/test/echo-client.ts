import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';

const SERVER = fileURLToPath(new URL('../dist/echo_server.js', import.meta.url));

/** The compiled echo server, started with `--port 0`, its output collected line by line. */
export interface RunningServer {
  child: ChildProcess;
  port: number;
  stdout: string[];
  stderr: string[];
  /** Resolves once stdout holds `count` lines. */
  lines(count: number): Promise<void>;
}

export async function startEchoServer(): Promise<RunningServer> {
  const child = spawn(process.execPath, [SERVER, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const waiters: (() => void)[] = [];
  const collect = (into: string[]) => {
    let partial = '';
    return (chunk: Buffer) => {
      const parts = (partial + chunk.toString('utf8')).split('\n');
      partial = parts.pop() ?? '';
      into.push(...parts);
      for (const waiter of waiters.splice(0)) waiter();
    };
  };
  child.stdout?.on('data', collect(stdout));
  child.stderr?.on('data', collect(stderr));
  const lines = async (count: number) => {
    while (stdout.length < count) {
      if (child.exitCode !== null) throw new Error(`server exited: ${stderr.join('\n')}`);
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  await lines(1);
  const match = /^Serving on \('127\.0\.0\.1', (\d+)\)$/.exec(stdout[0] ?? '');
  if (!match) throw new Error(`unexpected first line: ${stdout[0]}`);
  return { child, port: Number(match[1]), stdout, stderr, lines };
}

/** Connects to the server; resolves with the socket once connected. */
export async function open(port: number): Promise<Socket> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  return socket;
}

/** Sends `message` (or nothing, and closes its side, when null) and resolves with all it got back before the server closed. */
export async function exchange(
  port: number,
  message: Buffer | string | null,
): Promise<{ reply: Buffer; localPort: number }> {
  const socket = await open(port);
  const localPort = socket.localPort ?? 0;
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  const closed = once(socket, 'close');
  if (message === null) socket.end();
  else socket.write(message);
  await closed;
  return { reply: Buffer.concat(chunks), localPort };
}
