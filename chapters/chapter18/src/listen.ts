/**
 * What the three servers (examples 1, 3 and 6) share: the book's address and the start-up line
 * (the `--port` option is core's `portOption`, a client's address core's `pyRepr` of the pair). (A clean stop on Ctrl+C is
 * core's `interrupted()`, awaited from before the start-up line.)
 */
import { once } from 'node:events';
import type { Server } from 'node:net';
import { print } from '@mc/core';

/** The book's `reactor('localhost', 8080)`. */
export const BOOK_HOST = 'localhost';
export const BOOK_PORT = 8080;

/** The book's `sock.listen(5)`. */
export const BACKLOG = 5;

/**
 * Binds `server` as the book's `sock.bind(('localhost', port)); sock.listen(5)` and prints its
 * start-up line with the port bound. 127.0.0.1 explicitly: Node resolves `localhost` to ::1 first.
 * A port in use rejects (runMain prints it as one line, exit 1).
 */
export async function listen(server: Server, port: number): Promise<number> {
  server.listen({ host: '127.0.0.1', port, backlog: BACKLOG });
  await once(server, 'listening');
  const address = server.address();
  const bound = typeof address === 'object' && address !== null ? address.port : port;
  print(`Server up, running, and waiting for call on ${BOOK_HOST} ${bound}`);
  return bound;
}
