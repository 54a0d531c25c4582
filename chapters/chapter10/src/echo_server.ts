// Mirrors Chapter10/echo_server.py: a TCP echo server on 127.0.0.1:8888. Each connection is
// handled on its own, concurrently: one read of at most 100 bytes, logged, echoed back, and the
// connection closed. Core's `startServer` is asyncio's: a reader/writer pair per client, its
// handler a task on the one event loop.
// Where it differs: the book's `loop=` argument to start_server was removed in Python 3.10, where
// the original fails at start-up; this twin does what it did on 3.7. `--port N` picks another port
// (0: any free one). Bytes that are not UTF-8 fail that client's handler as in Python: one report
// on stderr, and the connection is left open, as the original leaves it. Ctrl+C (or SIGTERM) closes
// the server and every open connection and exits 0, silently, as the book's does.
import { decode, interrupted, isMain, portOption, print, pyRepr, runMain } from '@mc/core';
import { type StreamReader, type StreamWriter, startServer } from '@mc/core/asyncio';

export async function handleEcho(reader: StreamReader, writer: StreamWriter): Promise<void> {
  const data = await reader.read(100);
  const message = decode(data);
  const addr = writer.getExtraInfo('peername');
  print(`Received ${pyRepr(message)} from ${pyRepr(addr)}`);

  print(`Send: ${pyRepr(message)}`);
  writer.write(data);
  await writer.drain();

  print('Close the client socket');
  writer.close();
}

export async function main(): Promise<void> {
  const port = portOption(8888);
  const server = await startServer(handleEcho, '127.0.0.1', port);

  // Serve requests until Ctrl+C is pressed (caught from before the line that says so)
  const stop = interrupted();
  print(`Serving on ${pyRepr(server.sockets[0].getsockname())}`);
  await stop;

  // Close the server
  server.close();
  await server.waitClosed();
}

if (isMain(import.meta.url)) runMain(main);
