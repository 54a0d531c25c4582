import { connect, type Socket } from 'node:net';
import { dropped, extraInfo, listen, type Server, type SocketAddress } from './server.js';

/** asyncio's default buffer limit: past twice this much unread, the reader stops reading. */
const LIMIT = 2 ** 16;
const EMPTY: Buffer = Buffer.alloc(0);

/**
 * The reading half of a connection, twin of `asyncio.StreamReader`: `await reader.read(100)`
 * gives at most 100 bytes as soon as any have come, and an empty buffer at the end of the stream
 * (the client closed its side). What is not read yet waits in the reader; past 128 KiB unread
 * the socket stops reading from the client until the program reads, as asyncio's does.
 *
 * @example const data = await reader.read(100)
 */
export class StreamReader {
  readonly #socket: Socket;
  #buffer: Buffer = EMPTY;
  #eof = false;
  #error: Error | undefined;
  #wake: (() => void) | undefined;

  /** @internal Made by `startServer` and `openConnection`. */
  constructor(socket: Socket) {
    this.#socket = socket;
    socket.on('data', (chunk: Buffer) => {
      this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
      if (this.#buffer.length > 2 * LIMIT) socket.pause();
      this.#wakeUp();
    });
    const ended = () => {
      this.#eof = true;
      this.#wakeUp();
    };
    socket.on('end', ended);
    socket.on('close', ended);
    socket.on('error', (error) => {
      this.#error = error;
      this.#wakeUp();
    });
  }

  #wakeUp(): void {
    if (dropped.has(this.#socket)) return;
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }

  /** Waits until `enough()` or the end of the stream; raises the connection's error first. */
  async #waitUntil(enough: () => boolean): Promise<void> {
    for (;;) {
      if (this.#error) throw this.#error;
      if (enough() || this.#eof) return;
      if (this.#socket.isPaused()) this.#socket.resume();
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
    }
  }

  #take(n: number): Buffer {
    const buffer = this.#buffer;
    let taken: Buffer;
    if (n >= buffer.length) {
      // All of it: the chunk the socket gave is handed over as it is, no copy (nothing else holds it).
      taken = buffer;
      this.#buffer = EMPTY;
    } else {
      taken = Buffer.from(buffer.subarray(0, n));
      this.#buffer = buffer.subarray(n);
    }
    if (this.#buffer.length <= LIMIT && this.#socket.isPaused()) this.#socket.resume();
    return taken;
  }

  /**
   * At most `n` bytes, once at least one has come; every byte up to the end of the stream when
   * `n` is -1; an empty buffer at the end. Twin of `read(n=-1)`.
   *
   * @throws the connection's error (a reset: `ECONNRESET`), as Python raises ConnectionResetError.
   */
  async read(n = -1): Promise<Buffer> {
    if (n === 0) return EMPTY;
    // Bytes already here: no waiting (the common case of a server's first read).
    if (n > 0 && this.#buffer.length > 0 && this.#error === undefined) return this.#take(n);
    if (n < 0) {
      await this.#waitUntil(() => false);
      return this.#take(this.#buffer.length);
    }
    await this.#waitUntil(() => this.#buffer.length > 0);
    return this.#take(n);
  }

  /** The next line, its `\n` included; what is left without one at the end. Twin of `readline()`. */
  async readline(): Promise<Buffer> {
    await this.#waitUntil(() => this.#buffer.includes(0x0a));
    const end = this.#buffer.indexOf(0x0a);
    return this.#take(end === -1 ? this.#buffer.length : end + 1);
  }

  /** True once the stream has ended and every byte was read. Twin of `at_eof()`. */
  atEof(): boolean {
    return this.#eof && this.#buffer.length === 0;
  }
}

/**
 * The writing half of a connection, twin of `asyncio.StreamWriter`: `write` queues bytes,
 * `await drain()` waits while too many are queued, `close()` sends what is queued and closes the
 * connection both ways.
 *
 * @example writer.write(data); await writer.drain(); writer.close()
 */
export class StreamWriter {
  readonly #socket: Socket;
  #closed: Promise<void> | undefined;

  /** @internal Made by `startServer` and `openConnection`. */
  constructor(socket: Socket) {
    this.#socket = socket;
  }

  /** Queues `data` to send. Twin of `write(data)`. */
  write(data: Uint8Array | string): void {
    if (!this.#socket.writableEnded) this.#socket.write(data);
  }

  /** Waits until the queue is short enough to write more (at once if it is). Twin of `drain()`. */
  async drain(): Promise<void> {
    if (!this.#socket.writableNeedDrain || this.#socket.destroyed) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        this.#socket.off('drain', done);
        this.#socket.off('close', done);
        resolve();
      };
      this.#socket.on('drain', done);
      this.#socket.on('close', done);
    });
  }

  /**
   * Sends what is queued, then closes the connection both ways, even while the other side still
   * sends. Twin of `close()`.
   */
  close(): void {
    this.#socket.end(() => this.#socket.destroy());
  }

  /** True once `close()` was called. Twin of `is_closing()`. */
  isClosing(): boolean {
    return this.#socket.writableEnded || this.#socket.destroyed;
  }

  /** Resolves once the connection is closed. Twin of `wait_closed()`. */
  waitClosed(): Promise<void> {
    this.#closed ??= this.#socket.closed
      ? Promise.resolve()
      : new Promise((resolve) => this.#socket.once('close', () => resolve()));
    return this.#closed;
  }

  /** The client's (`'peername'`) or this end's (`'sockname'`) address. Twin of `get_extra_info`. */
  getExtraInfo(name: 'peername' | 'sockname'): SocketAddress {
    return extraInfo(this.#socket, name);
  }
}

/**
 * Prints what asyncio logs for a connection handler that raised: its task's exception, never
 * retrieved. The connection is left as the handler left it, open, as Python 3.7 to 3.11 leave it.
 */
function reportHandlerError(error: unknown): void {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  process.stderr.write(`Task exception was never retrieved\n${text}\n`);
}

/**
 * Listens on host:port and calls `clientConnected(reader, writer)` for each connection, each
 * call a task of its own. Twin of `asyncio.start_server(client_connected_cb, host, port)`.
 *
 * An error thrown by a handler is printed on stderr (`Task exception was never retrieved`, then
 * the error; Python logs it when the task is collected, here at once) and its connection is left
 * open, as Python 3.7 to 3.11 leave it (3.12 closes it). A client that resets its connection
 * reaches its handler as the error of its next `read`.
 *
 * @example const server = await startServer(handleEcho, '127.0.0.1', 8888)
 * @throws the error of `listen` (`EADDRINUSE`...) when the port cannot be bound.
 */
export function startServer(
  clientConnected: (reader: StreamReader, writer: StreamWriter) => unknown,
  host: string,
  port: number,
): Promise<Server> {
  return listen(host, port, (socket) => {
    // The handler starts at once, up to its first await (Python's task starts on the loop's next
    // turn; nothing can reach the connection in between, so no program can tell).
    let running: unknown;
    try {
      running = clientConnected(new StreamReader(socket), new StreamWriter(socket));
    } catch (error) {
      reportHandlerError(error);
      return;
    }
    if (running instanceof Promise) running.catch(reportHandlerError);
  });
}

/**
 * Connects to host:port and resolves with the connection's reader and writer. Twin of
 * `asyncio.open_connection(host, port)`.
 *
 * @example const [reader, writer] = await openConnection('127.0.0.1', 8888)
 * @throws the connection's error (`ECONNREFUSED`...).
 */
export function openConnection(host: string, port: number): Promise<[StreamReader, StreamWriter]> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, allowHalfOpen: true });
    const reader = new StreamReader(socket);
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.off('error', reject);
      extraInfo(socket, 'peername'); // remembered while the socket knows them
      resolve([reader, new StreamWriter(socket)]);
    });
  });
}
