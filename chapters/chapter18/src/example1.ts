// Mirrors Chapter18/example1.py: a blocking echo server on localhost:8080 that serves one client
// at a time: it accepts a client, echoes its lines until it types `quit`, and only then accepts
// the next. A second client can connect (the kernel completes the handshake) but gets nothing
// until the first has left.
//
// Node never blocks: `await listener.accept()` and `await conn.readline()` wait while the event
// loop runs, and the one-at-a-time service is the Listener's queue (src/blocking-socket.ts).
//
// Fixed here, on purpose: a client that leaves without `quit` ends its session (the book's loop
// reads "end of data" forever, at full CPU, and never serves anyone again).
//
//   --port N   listen on port N instead of 8080 (0: a free port; the line printed names it)
import { isMain, portOption, print, pyAscii, runMain } from '@mc/core';
import { type Connection, Listener } from './blocking-socket.js';
import { BOOK_PORT } from './listen.js';

/**
 * Main event loop: accept a client, serve it until it leaves, accept the next. Example3 runs the
 * same loop with its own `processRequest` (the book repeats the loop in both files).
 */
export async function reactor(
  port: number,
  serve: (conn: Connection) => Promise<void> = processRequest,
): Promise<void> {
  const sock = await Listener.open(port);
  for (let conn = await sock.accept(); conn; conn = await sock.accept()) {
    await serve(conn);
  }
}

async function processRequest(conn: Connection): Promise<void> {
  print(`Received connection from ${conn.address}`);
  try {
    for (;;) {
      const raw = await conn.readline();
      if (raw === undefined) return; // the client left: the book loops here for ever
      const line = raw.trimEnd();
      if (line === 'quit') {
        await conn.sendall('connection closed\r\n');
        return;
      }
      print(`${conn.address} --> ${line}`);
      await conn.sendall(`Echoed: ${pyAscii(line)}\r\n`);
    }
  } finally {
    print(`${conn.address} quit`);
    conn.close();
  }
}

if (isMain(import.meta.url)) runMain(() => reactor(portOption(BOOK_PORT)));
