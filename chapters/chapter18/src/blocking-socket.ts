/**
 * The sockets of examples 1, 3 and 6, on Node's sockets, which never block. Python's
 * `sock.accept()` waits for the next client and `file.readline()` for its next line; here both are
 * awaited. The one-client-at-a-time service is a choice this module makes, not a property of Node:
 * every client the listener takes in waits in a queue, paused (nothing read, nothing answered,
 * whatever it sends stays in its buffers), until the server `accept()`s it, as a client waits in
 * the backlog of a Python server that is busy with another.
 *
 * Both are also what core's `select()` watches (example6's reactor): a listener is ready to read
 * when a client waits to be accepted, a connection when a whole line (or its end) is there.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { interrupted, pyRepr } from '@mc/core';
import type { Selectable } from '@mc/core/select';
import { type LineEvent, LineSplitter, NOT_UTF8, TOO_LONG } from './lines.js';
import { listen } from './listen.js';

/** How many lines a reactor's connection reads ahead of its session before it stops reading. */
const QUEUED_LINES = 64;

/** One client: its address, its lines, and `sendall`. Twin of the accepted socket + `makefile()`. */
export class Connection implements Selectable {
  readonly address: string;
  readonly #socket: Socket;
  readonly #splitter = new LineSplitter();
  readonly #events: LineEvent[] = [];
  #ended = false;
  #wake: (() => void) | undefined;
  readonly #watchers = new Set<() => void>();
  /** Watched by `select()` at least once: a reactor's connection. */
  #selected = false;

  constructor(socket: Socket) {
    this.#socket = socket;
    this.address = pyRepr([socket.remoteAddress ?? '?', socket.remotePort ?? 0]);
    socket.on('data', (chunk: Buffer) => {
      for (const event of this.#splitter.push(chunk)) this.#events.push(event);
      // Read no further ahead than the session asks: the rest waits in the kernel's buffers. A
      // reactor's connection (watched by select()) reads on while few lines wait, so that serving
      // many clients costs no pause and resume of each socket at every round.
      if (!this.#selected || this.#events.length > QUEUED_LINES) socket.pause();
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
    socket.on('drain', () => this.#wakeReader());
  }

  /** Twin of `conn.makefile()`: the connection reads its own lines (`readline`, `readlineNow`). */
  makefile(): this {
    return this;
  }

  /**
   * For `select()`: a whole line (or the end) is there to read, and the answers already written
   * have gone out (a client that does not read its answers is not read either). Lines that are
   * not UTF-8 at the head of the queue are answered here, in their turn, and skipped.
   */
  readable(): boolean {
    while (this.#events[0]?.kind === 'not-utf8') {
      this.#events.shift();
      this.#socket.write(`${NOT_UTF8}\n`);
    }
    if (this.#socket.writableNeedDrain) return false;
    return this.#events.length > 0 || this.#ended;
  }

  /**
   * For `select()`: calls `wake` when a line, the end or a drained write comes. From then on the
   * connection reads ahead of its session (up to QUEUED_LINES lines), as a kernel buffers what a
   * client sends to a socket `select()` watches.
   */
  watch(wake: () => void): () => void {
    this.#watchers.add(wake);
    this.#selected = true;
    this.#readOn();
    return () => this.#watchers.delete(wake);
  }

  /**
   * The next line without waiting, once `readable()`: Python's `file.readline()` on a socket
   * `select()` said was ready. Undefined once the client has gone (Python's `''`); a line over the
   * limit is answered and ends the connection too.
   */
  readlineNow(): string | undefined {
    const event = this.#events.shift();
    this.#readOn();
    if (event?.kind === 'line') return event.text;
    if (event?.kind === 'too-long') this.#socket.write(`${TOO_LONG}\n`);
    return undefined;
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

  /** A watched connection whose queue has emptied reads again (it paused past QUEUED_LINES). */
  #readOn(): void {
    if (this.#selected && this.#events.length === 0 && this.#socket.isPaused())
      this.#socket.resume();
  }

  #wakeReader(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
    for (const watcher of this.#watchers) watcher();
  }
}

/** A listening socket whose `accept()` hands out its clients one at a time, in arrival order. */
export class Listener implements Selectable {
  readonly #server: Server;
  readonly #waiting: Socket[] = [];
  readonly #clients = new Set<Connection>();
  #acceptor: ((socket: Socket | undefined) => void) | undefined;
  #closed = false;
  readonly #watchers = new Set<() => void>();

  private constructor() {
    // pauseOnConnect: a client the server has not accepted yet is not read from at all.
    this.#server = createServer({ pauseOnConnect: true }, (socket) => {
      socket.on('error', () => {}); // a client that resets while it waits is handed out all the same
      if (this.#acceptor) this.#handOut(socket);
      else this.#waiting.push(socket);
      for (const watcher of [...this.#watchers]) watcher();
    });
  }

  /** The listening Node server (its address, its connection count): for a test to watch from outside. */
  get server(): Server {
    return this.#server;
  }

  /** For `select()`: a client waits to be accepted (or the listener is closed: `accept` ends). */
  readable(): boolean {
    return this.#waiting.length > 0 || this.#closed;
  }

  /** For `select()`: calls `wake` when a client comes or the listener closes. */
  watch(wake: () => void): () => void {
    this.#watchers.add(wake);
    return () => this.#watchers.delete(wake);
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
    for (const watcher of [...this.#watchers]) watcher();
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
