/**
 * Drives the chapter's servers from a test as a reader does with telnet: start the compiled
 * server on a free port, connect clients, send lines, wait for answers; stop it with SIGINT.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';

export const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** How long a test waits for anything before failing: far beyond any answer, even under load. */
const PATIENCE_MS = 20_000;

/** Resolves once `check()` is true, re-checked on every `event` of `emitter`; rejects after PATIENCE_MS. */
function until(
  emitter: NodeJS.EventEmitter,
  events: readonly string[],
  check: () => boolean,
  what: () => string,
): Promise<void> {
  if (check()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onEvent = (): void => {
      if (!check()) return;
      done();
      resolve();
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`gave up waiting for ${what()}`));
    }, PATIENCE_MS);
    const done = (): void => {
      clearTimeout(timer);
      for (const event of events) emitter.off(event, onEvent);
    };
    for (const event of events) emitter.on(event, onEvent);
  });
}

/** A compiled server of this chapter, running. */
export class RunningServer {
  stdout = '';
  stderr = '';
  readonly port: number;
  readonly #child: ChildProcess;

  private constructor(child: ChildProcess, port: number) {
    this.#child = child;
    this.port = port;
  }

  /** Starts `node dist/<name>.js --port 0` and waits for its start-up line. */
  static async start(name: string): Promise<RunningServer> {
    const child = spawn(process.execPath, [`dist/${name}.js`, '--port', '0'], {
      cwd: packageDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout?.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
    });
    const line = /waiting for call on localhost (\d+)\n/;
    await until(
      child.stdout as NodeJS.EventEmitter,
      ['data', 'end'],
      () => line.test(stdout),
      () => 'the start-up line',
    );
    const server = new RunningServer(child, Number(line.exec(stdout)?.[1]));
    server.stdout = stdout;
    child.stdout?.on('data', (text: string) => {
      server.stdout += text;
    });
    child.stderr?.setEncoding('utf8').on('data', (text: string) => {
      server.stderr += text;
    });
    return server;
  }

  get pid(): number {
    return this.#child.pid ?? -1;
  }

  /** Waits until the server's log contains `text`. */
  logged(text: string): Promise<void> {
    return until(
      this.#child.stdout as NodeJS.EventEmitter,
      ['data'],
      () => this.stdout.includes(text),
      () => `log ${JSON.stringify(text)} in ${this.stdout}`,
    );
  }

  /** CPU seconds the server process has used so far (utime + stime of /proc/<pid>/stat). */
  cpuSeconds(): number {
    const fields = readFileSync(`/proc/${this.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // After "pid (comm) ", utime and stime are the 12th and 13th fields, in clock ticks (100 a second).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  }

  /** Sends SIGINT (Ctrl+C), or `signal`, and waits for the exit; its status. */
  async stop(signal: NodeJS.Signals = 'SIGINT'): Promise<number | null> {
    if (this.#child.exitCode !== null) return this.#child.exitCode;
    const exited = once(this.#child, 'exit');
    this.#child.kill(signal);
    const [code] = (await exited) as [number | null];
    return code;
  }
}

/** One telnet-like client: what it received so far, and whether the server closed the connection. */
export class Client {
  received = '';
  closed = false;
  readonly socket: Socket;
  /** The client's address as the server logs it: ('127.0.0.1', port). */
  readonly address: string;

  private constructor(socket: Socket) {
    this.socket = socket;
    this.address = `('127.0.0.1', ${socket.localPort})`;
    socket.setEncoding('latin1'); // bytes as they came: the replies are ASCII
    socket.on('data', (text: string) => {
      this.received += text;
    });
    socket.on('close', () => {
      this.closed = true;
    });
    socket.on('error', () => {});
  }

  static async connect(port: number): Promise<Client> {
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    return new Client(socket);
  }

  send(data: string | Buffer): void {
    this.socket.write(data);
  }

  /** Waits until the replies contain `text` (counted from the start of the connection). */
  expect(text: string): Promise<void> {
    return until(
      this.socket,
      ['data', 'close'],
      () => this.received.includes(text),
      () => `${JSON.stringify(text)}; got ${JSON.stringify(this.received)}`,
    );
  }

  /** Sends a line and waits until the replies have grown by `answer`. */
  async ask(line: string | Buffer, answer: string): Promise<void> {
    const before = this.received.length;
    this.send(line);
    await until(
      this.socket,
      ['data', 'close'],
      () => this.received.indexOf(answer, before) >= 0,
      () =>
        `${JSON.stringify(answer)} after ${JSON.stringify(line)}; got ${JSON.stringify(this.received.slice(before))}`,
    );
  }

  /** Waits until the server has closed the connection. */
  waitClosed(): Promise<void> {
    return until(
      this.socket,
      ['close'],
      () => this.closed,
      () => 'the server to close the connection',
    );
  }

  /** Leaves without `quit`, as a closed telnet window does. */
  drop(): void {
    this.socket.end();
  }
}
