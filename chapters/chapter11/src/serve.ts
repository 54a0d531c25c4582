// The second half every server of the chapter shares with the book: create the server on
// 127.0.0.1, print where it listens, serve until Ctrl+C, close it. Only the protocol differs.
import { basename } from 'node:path';
import { interrupted, numberOption, parseOptions, pyRepr, wholeNumber } from '@mc/core';
import { createServer, type Protocol } from './protocol.js';

/** The book's port. */
export const BOOK_PORT = 8888;

/** `--port N` from the command line, the book's 8888 by default; `program` names it in the usage. */
export function portOption(
  argv: string[],
  program = basename(process.argv[1] ?? 'example'),
): number {
  const usage = `usage: ${program} [--port 0..65535 (default ${BOOK_PORT}; 0: a free port)]`;
  const { values } = parseOptions({ args: argv, options: { port: { type: 'string' } } }, usage);
  return numberOption('port', values.port, wholeNumber(0, 65_535), usage) ?? BOOK_PORT;
}

/**
 * Serves `protocolFactory` on 127.0.0.1 until SIGINT or SIGTERM, printing
 * `Serving on ('127.0.0.1', 8888)` with the port really bound, then closes the server.
 */
export async function serve(
  protocolFactory: () => Protocol,
  argv = process.argv.slice(2),
): Promise<void> {
  const port = portOption(argv);
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
