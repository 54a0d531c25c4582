import { once } from 'node:events';
import { type AddressInfo, createServer as createNetServer, type Socket } from 'node:net';

/**
 * @internal Connections a closing server dropped: their handlers are never resumed, as the tasks
 * of a Python program whose loop is closed are not.
 */
export const dropped = new WeakSet<Socket>();

/** A client's or the server's address as Python gives it: `('127.0.0.1', 8888)`. */
export type SocketAddress = [host: string, port: number];

/** One listening socket of a `Server`, as Python's `server.sockets[0]`. */
export interface ListeningSocket {
  /** The address and port really bound (port 0: the free one the system chose). */
  getsockname(): SocketAddress;
}

/**
 * A listening server, twin of the `asyncio.Server` that `start_server` and `create_server` give:
 * `sockets[0].getsockname()`, `close()`, `waitClosed()`.
 */
export class Server {
  readonly #server: ReturnType<typeof createNetServer>;
  readonly #connections: Set<Socket>;
  readonly #closed: Promise<void>;
  readonly sockets: readonly [ListeningSocket, ...ListeningSocket[]];

  /** @internal Made by `startServer` and `createServer` once the server listens. */
  constructor(server: ReturnType<typeof createNetServer>, connections: Set<Socket>) {
    this.#server = server;
    this.#connections = connections;
    const { address, port } = server.address() as AddressInfo;
    this.sockets = [{ getsockname: () => [address, port] }];
    this.#closed = new Promise((resolve) => server.once('close', () => resolve()));
  }

  /**
   * Stops listening and drops every open connection. Twin of `close()`, followed by what the
   * book's `loop.close()` does to the connections left (Python's `close()` alone leaves them open):
   * a handler still waiting on a dropped connection is never resumed.
   */
  close(): void {
    this.#server.close();
    for (const socket of this.#connections) {
      dropped.add(socket);
      socket.destroy();
    }
  }

  /** Resolves once nothing listens and no connection is left. Twin of `wait_closed()`. */
  waitClosed(): Promise<void> {
    return this.#closed;
  }
}

/** @internal Creates the net server, listens on host:port, and hands each connection to `serve`. */
export async function listen(
  host: string,
  port: number,
  serve: (socket: Socket) => void,
): Promise<Server> {
  const connections = new Set<Socket>();
  // Half-open allowed: a client that shuts its side (EOF) may still be answered, as asyncio's.
  const server = createNetServer({ allowHalfOpen: true }, (socket) => {
    connections.add(socket);
    extraInfo(socket, 'peername'); // remembered while the socket knows them
    socket.once('close', () => connections.delete(socket));
    serve(socket);
  });
  server.listen(port, host);
  await once(server, 'listening'); // rejects with the 'error' of a port in use
  return new Server(server, connections);
}

const addresses = new WeakMap<Socket, Record<'peername' | 'sockname', SocketAddress>>();

/**
 * `transport.get_extra_info('peername' | 'sockname')` of a connection: both addresses as they
 * were when it was first asked (at the connection), so they stay known after it closes, as
 * Python's (Node forgets them once the socket is destroyed).
 */
export function extraInfo(socket: Socket, name: 'peername' | 'sockname'): SocketAddress {
  let known = addresses.get(socket);
  if (known === undefined) {
    known = {
      peername: [socket.remoteAddress ?? '', socket.remotePort ?? 0],
      sockname: [socket.localAddress ?? '', socket.localPort ?? 0],
    };
    addresses.set(socket, known);
  }
  const [host, port] = known[name];
  return [host, port];
}
