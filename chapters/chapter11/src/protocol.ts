// asyncio's Protocol servers on Node's net module: the book's three servers are protocol classes
// whose callbacks the event loop calls; a net.Server's connection listener and a socket's 'data'
// events are the same callbacks. (A candidate for @mc/core/asyncio, written here meanwhile.)
import { once } from 'node:events';
import { type AddressInfo, createServer as createNetServer, type Socket } from 'node:net';

/**
 * The callbacks of `asyncio.Protocol` the book overrides: one instance per connection, made by
 * the factory given to `createServer`.
 */
export interface Protocol {
  /** `connection_made(transport)`: a client connected; keep the transport to write or close. */
  connectionMade(transport: Transport): void;
  /** `data_received(data)`: one TCP read's bytes, not one message (telnet sends a line per read). */
  dataReceived(data: Buffer): void;
}

/** asyncio's socket transport, over a `net.Socket`: what a protocol writes to and closes. */
export class Transport {
  #closing = false;

  constructor(private readonly socket: Socket) {}

  /** `get_extra_info('peername')`: the client's address and port. */
  getExtraInfo(name: 'peername'): [host: string, port: number] {
    void name;
    return [this.socket.remoteAddress ?? '', this.socket.remotePort ?? 0];
  }

  /**
   * `write(data)`: queues the bytes. When the client does not read them and the queue is full,
   * stops reading from it until it does (asyncio would call `pause_writing()`, which the book's
   * protocols ignore, and buffer without limit).
   */
  write(data: Buffer | string): void {
    if (this.#closing) return;
    if (!this.socket.write(data)) {
      this.socket.pause();
      this.socket.once('drain', () => this.socket.resume());
    }
  }

  /** `close()`: sends what is queued, then closes; no more data is delivered to the protocol. */
  close(): void {
    this.#closing = true;
    this.socket.end();
  }

  /** `is_closing()`. */
  isClosing(): boolean {
    return this.#closing;
  }

  /** `abort()`: closes at once, dropping what is queued (asyncio does this when a callback fails). */
  abort(): void {
    this.#closing = true;
    this.socket.destroy();
  }
}

/** What asyncio prints on stderr when a protocol callback raises; then it aborts that connection. */
function reportCallbackError(error: unknown): void {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  process.stderr.write(`Fatal error: protocol.data_received() call failed.\n${text}\n`);
}

/** What `loop.create_server` gives: asyncio's `Server`. */
export interface ProtocolServer {
  /** `server.sockets[0].getsockname()`: the address and port really bound (port 0: a free one). */
  getsockname(): [host: string, port: number];
  /** `close()`: stops listening and drops every open connection (the book's loop.close() does). */
  close(): void;
  /** `wait_closed()`: resolves once nothing is listening and no connection is left. */
  waitClosed(): Promise<void>;
}

/**
 * `loop.create_server(protocol_factory, host, port)`: listens, and for each connection makes a
 * protocol, calls `connectionMade`, then `dataReceived` per chunk. A callback that throws aborts
 * its own connection only; a client that resets its connection is dropped silently.
 */
export async function createServer(
  protocolFactory: () => Protocol,
  host: string,
  port: number,
): Promise<ProtocolServer> {
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    // A reset by the client is `connection_lost(exc)`, which the book's protocols leave empty.
    socket.on('error', () => {});
    const transport = new Transport(socket);
    const protocol = protocolFactory();
    protocol.connectionMade(transport);
    socket.on('data', (data: Buffer) => {
      if (transport.isClosing()) return;
      try {
        protocol.dataReceived(data);
      } catch (error) {
        reportCallbackError(error);
        transport.abort();
      }
    });
  });
  server.listen(port, host);
  await once(server, 'listening'); // rejects with the 'error' of a port in use
  const address = server.address() as AddressInfo;
  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()));
  return {
    getsockname: () => [address.address, address.port],
    close: () => {
      server.close();
      for (const socket of sockets) socket.destroy();
    },
    waitClosed: () => closed,
  };
}
