// The second half every server of the chapter shares with the book: create the server on
// 127.0.0.1, print where it listens, serve until Ctrl+C, close it. Only the protocol differs.
import { basename } from 'node:path';
import { interrupted, portOption, pyRepr } from '@mc/core';
import { createServer, type Protocol } from './protocol.js';

/** The book's port. */
export const BOOK_PORT = 8888;

/**
 * Serves `protocolFactory` on 127.0.0.1 until SIGINT or SIGTERM, printing
 * `Serving on ('127.0.0.1', 8888)` with the port really bound, then closes the server.
 */
export async function serve(
  protocolFactory: () => Protocol,
  argv = process.argv.slice(2),
): Promise<void> {
  const port = portOption(argv, BOOK_PORT, basename(process.argv[1] ?? 'example'));
  const server = await createServer(protocolFactory, '127.0.0.1', port);

  // Serve requests until Ctrl+C is pressed (caught from before the line that says it listens):
  // loop.run_forever() and `except KeyboardInterrupt: pass`, printing nothing. Node's loop keeps
  // running meanwhile because the server listens.
  const stop = interrupted();
  console.log(`Serving on ${pyRepr(server.getsockname())}`);
  await stop;

  // Close the server
  server.close();
  await server.waitClosed();
}
