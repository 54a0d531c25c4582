/**
 * The blocking sockets of examples 1 and 3, on Node's sockets, which never block. Python's
 * `sock.accept()` waits for the next client and `file.readline()` for its next line; here both are
 * awaited. The one-client-at-a-time service is a choice this module makes, not a property of Node:
 * every client the listener takes in waits in a queue, paused (nothing read, nothing answered,
 * whatever it sends stays in its buffers), until the server `accept()`s it, as a client waits in
 * the backlog of a Python server that is busy with another.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { interrupted, pyRepr } from '@mc/core';
import { type LineEvent, LineSplitter, NOT_UTF8, TOO_LONG } from './lines.js';
import { listen } from './listen.js';

/** One client: its address, its lines, and `sendall`. Twin of the accepted socket + `makefile()`. */
export class Connection {
  readonly address: string;
  readonly #socket: Socket;
  readonly #splitter = new LineSplitter();
  readonly #events: LineEvent[] = [];
  #ended = false;
  #wake: (() => void) | undefined;

  constructor(socket: Socket) {
    this.#socket = socket;
    this.address = pyRepr([socket.remoteAddress ?? '?', socket.remotePort ?? 0]);
    socket.on('data', (chunk: Buffer) => {
      for (const event of this.#splitter.push(chunk)) this.#events.push(event);
      // Read no further ahead than the session asks: the rest waits in the kernel's buffers.
      socket.pause();
      this.#wakeReader();
    });
    // A reset ends the session like a clean close: Python's readline() would raise
    // ConnectionResetError and kill the server.
    const end = (): void => {
      if (this.#ended) return;
      this.#ended = true;
      for (const event of this.#splitter.end()) this.#events.push(event);
      this.#wakeReader();
    };
    socket.on('end', end);
    socket.on('error', end);
    socket.on('close', end);
  }

  /**
   * The next line, without its line break; undefined once the client has gone (Python's `''`). A
   * line that is not UTF-8 is answered here and skipped; a line over the limit is answered and
   * ends the connection.
   */
  async readline(): Promise<string | undefined> {
    for (;;) {
      const event = this.#events.shift();
      if (event?.kind === 'line') return event.text;
      if (event?.kind === 'not-utf8') {
        await this.sendall(`${NOT_UTF8}\n`);
        continue;
      }
      if (event?.kind === 'too-long') {
        await this.sendall(`${TOO_LONG}\n`);
        return undefined;
      }
      if (this.#ended) return undefined;
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
        this.#socket.resume();
      });
    }
  }

  /**
   * Twin of `conn.sendall(bytes)`, which blocks while the client's buffers are full: resolves at
   * once unless Node's write buffer is full too, then once it has drained (or the client is gone).
   * So a client that sends without ever reading its answers stops being read, as in Python.
   */
  async sendall(text: string): Promise<void> {
    const socket = this.#socket;
    if (!socket.writable || socket.write(text)) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        socket.off('drain', done);
        socket.off('close', done);
        resolve();
      };
      socket.on('drain', done);
      socket.on('close', done);
    });
  }

  /**
   * Twin of `conn.close()`: what was sent still reaches the client, then the connection closes.
   * Whatever the client still sends is read and dropped, so it can finish sending and close too.
   */
  close(): void {
    this.#socket.removeAllListeners('data');
    this.#socket.resume();
    this.#socket.end();
  }

  /** Closes at once, unsent data dropped (a stopped server). */
  destroy(): void {
    this.#socket.destroy();
  }

  #wakeReader(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }
}

/** A listening socket whose `accept()` hands out its clients one at a time, in arrival order. */
export class Listener {
  readonly #server: Server;
  readonly #waiting: Socket[] = [];
  readonly #clients = new Set<Connection>();
  #acceptor: ((socket: Socket | undefined) => void) | undefined;
  #closed = false;

  private constructor() {
    // pauseOnConnect: a client the server has not accepted yet is not read from at all.
    this.#server = createServer({ pauseOnConnect: true }, (socket) => {
      socket.on('error', () => {}); // a client that resets while it waits is handed out all the same
      if (this.#acceptor) this.#handOut(socket);
      else this.#waiting.push(socket);
    });
  }

  /** Listens as the book's server does, prints its start-up line, and stops on Ctrl+C. */
  static async open(port: number): Promise<Listener> {
    const listener = new Listener();
    // From before the start-up line, so a stop sent the moment it appears is a clean one too.
    void interrupted().then(() => listener.close());
    await listen(listener.#server, port);
    return listener;
  }

  /** The next client, waiting for one if none is there; undefined once the listener is closed. */
  accept(): Promise<Connection | undefined> {
    const socket = this.#waiting.shift();
    if (socket || this.#closed) return Promise.resolve(socket && this.#track(socket));
    return new Promise((resolve) => {
      this.#acceptor = (next) => resolve(next && this.#track(next));
    });
  }

  /** Stops listening and drops every client, served or waiting; a pending `accept()` gets undefined. */
  close(): void {
    this.#closed = true;
    this.#server.close();
    for (const socket of this.#waiting.splice(0)) socket.destroy();
    for (const client of this.#clients) client.destroy();
    this.#handOut(undefined);
  }

  #handOut(socket: Socket | undefined): void {
    const acceptor = this.#acceptor;
    this.#acceptor = undefined;
    acceptor?.(socket);
  }

  #track(socket: Socket): Connection {
    const connection = new Connection(socket);
    this.#clients.add(connection);
    socket.once('close', () => this.#clients.delete(connection));
    return connection;
  }
}
