import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { waitUntil } from './wait-until.js';

/**
 * A client that talks to a server on 127.0.0.1 as a reader does with telnet: it sends what it is
 * given and keeps every byte that comes back, and knows whether the server closed the connection.
 * Its waits re-check on each piece of data; they fail at once when the connection is closed
 * without what they wait for, or after 20 s.
 */
export class TelnetClient {
  readonly socket: Socket;
  /** The client's own port: the server sees it as the peer's. */
  readonly localPort: number;
  /** The client's address as the servers log it, Python's tuple: `('127.0.0.1', 50312)`. */
  readonly address: string;
  /** True once the connection is closed, by either side. */
  closed = false;
  readonly #chunks: Buffer[] = [];
  #text: string | undefined = '';

  constructor(socket: Socket) {
    this.socket = socket;
    this.localPort = socket.localPort ?? 0;
    this.address = `('127.0.0.1', ${this.localPort})`;
    socket.on('data', (chunk: Buffer) => {
      this.#chunks.push(chunk);
      this.#text = undefined;
    });
    socket.on('close', () => {
      this.closed = true;
    });
    socket.on('error', () => {}); // a reset or a refused write ends the connection: `closed` says so
  }

  /** Every byte received so far. */
  bytes(): Buffer {
    return Buffer.concat(this.#chunks);
  }

  /** Everything received so far, decoded as UTF-8. */
  get received(): string {
    this.#text ??= this.bytes().toString('utf8');
    return this.#text;
  }

  send(data: string | Buffer): void {
    this.socket.write(data);
  }

  /** Waits until what was received (from the start of the connection) contains `text`. */
  expect(text: string): Promise<void> {
    return this.#until(
      () => this.received.includes(text),
      () => `${JSON.stringify(text)}; got ${JSON.stringify(this.received)}`,
    );
  }

  /** Sends `line` and waits until what comes after it contains `answer`. */
  async ask(line: string | Buffer, answer: string): Promise<void> {
    const before = this.received.length;
    this.send(line);
    await this.#until(
      () => this.received.indexOf(answer, before) >= 0,
      () =>
        `${JSON.stringify(answer)} after ${JSON.stringify(String(line))}; got ${JSON.stringify(this.received.slice(before))}`,
    );
  }

  /** Waits until the connection is closed (by the server, unless this side dropped it). */
  waitClosed(): Promise<void> {
    return this.#until(
      () => this.closed,
      () => 'the server to close the connection',
    );
  }

  /** Leaves without a word, as a closed telnet window does: ends this side of the connection. */
  drop(): void {
    this.socket.end();
  }

  #until(check: () => boolean, what: () => string): Promise<void> {
    return waitUntil(this.socket, ['data', 'close'], check, () => this.closed, what);
  }
}

/**
 * Connects a `TelnetClient` to `port` on 127.0.0.1.
 *
 * @example const client = await connectTelnet(server.port); await client.ask('1,2\r\n', "'3'");
 */
export async function connectTelnet(port: number): Promise<TelnetClient> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  return new TelnetClient(socket);
}

/** True when a connection to `port` on 127.0.0.1 is refused: nothing listens there any more. */
export function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}
