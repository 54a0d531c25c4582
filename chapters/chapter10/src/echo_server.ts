// Mirrors Chapter10/echo_server.py: a TCP echo server on 127.0.0.1:8888. Each connection is
// handled on its own, concurrently: one read of at most 100 bytes, logged, echoed back, and the
// connection closed. asyncio's reader/writer coroutine per client is, in Node, a connection
// listener whose socket delivers its first chunk as an event: the same single-threaded loop.
// `--port N` picks another port (0: any free one); the bound address is printed, as the book's.
// The book's `loop=` argument to start_server was removed in Python 3.10, so the original fails
// there at start-up; this twin does what it did on Python 3.7. Ctrl+C (or SIGTERM) closes the
// server and every open connection and exits 0, silently, as the book's does.
import { createServer, type Server, type Socket } from 'node:net';
import { decode, interrupted, isMain, portOption, pyRepr, runMain } from '@mc/core';

/** The book's `reader.read(100)`: at most this many bytes of the first read. */
const READ_LIMIT = 100;

/**
 * Prints a line as Python's `print` does: on a terminal at once; to a pipe or a file, buffered,
 * as Python block-buffers such a stdout. Here the lines of one loop turn go out in one write, at
 * the end of the turn, in order: three writes per client would be a third of the server's work.
 */
const print = (() => {
  if (process.stdout.isTTY) return (line: string) => console.log(line);
  let pending: string[] = [];
  const flush = () => {
    const lines = pending;
    pending = [];
    process.stdout.write(`${lines.join('\n')}\n`);
  };
  return (line: string) => {
    if (pending.length === 0) setImmediate(flush);
    pending.push(line);
  };
})();

const EMPTY = Buffer.alloc(0);
const drop = () => {};

/**
 * The first read of a connection: its first chunk, or nothing when the client closes its side
 * first; rejects when the connection is lost before either (a reset, or the server stopping).
 */
function firstRead(socket: Socket): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // One listener for the three events: 'data' passes the chunk, 'end' nothing, 'close' a flag.
    const settle = (chunk?: unknown) => {
      socket.off('data', settle);
      socket.off('end', settle);
      socket.off('close', settle);
      // Whatever else the client sends is read and dropped, as the book's server never reads it.
      socket.on('data', drop);
      if (Buffer.isBuffer(chunk)) resolve(chunk);
      else if (socket.readableEnded) resolve(EMPTY);
      else reject(socket.errored ?? new Error('the connection was lost before any data'));
    };
    socket.on('data', settle);
    socket.on('end', settle);
    socket.on('close', settle);
  });
}

/** The book's `handle_echo`: read, log, echo, close. */
export async function handleEcho(socket: Socket): Promise<void> {
  const data = (await firstRead(socket)).subarray(0, READ_LIMIT);
  const message = decode(data);
  const addr = [socket.remoteAddress ?? '?', socket.remotePort ?? 0];
  print(`Received ${pyRepr(message)} from ${pyRepr(addr)}`);

  print(`Send: ${pyRepr(message)}`);
  // write + drain: resolves once the bytes are handed to the system.
  await new Promise<void>((resolve) => socket.write(data, () => resolve()));

  print('Close the client socket');
  // writer.close(): both directions, even if the client is still sending.
  socket.end(() => socket.destroy());
}

/** Starts the server on 127.0.0.1:`port`; resolves once it listens. */
export async function startServer(port: number): Promise<{ server: Server; stop: () => void }> {
  const sockets = new Set<Socket>();
  let stopping = false;
  // Half-open allowed: a client that sends nothing and shuts its side still gets its (empty) echo,
  // as asyncio's writer stays open after the reader's EOF; the handler closes the connection.
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    // A client that resets or drops: Python's handler would see it as an error of that one client.
    socket.on('error', () => {}); // reported by the handler, below, when it is the handler's
    handleEcho(socket).catch((error: Error) => {
      // Python logs "Task exception was never retrieved" with the error (a reset, bytes that are
      // not UTF-8) and serves on. Connections cut by the server's own stop are not reported.
      if (!stopping)
        process.stderr.write(`Error in handle_echo: ${error.name}: ${error.message}\n`);
      socket.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const stop = () => {
    stopping = true;
    server.close();
    for (const socket of sockets) socket.destroy();
  };
  return { server, stop };
}

export async function main(): Promise<void> {
  const port = portOption(process.argv.slice(2), 8888, 'echo_server');
  // Ctrl+C is awaited from before the server listens, so a signal can never meet Node's default
  // action (death by that signal) instead of a clean stop.
  const stopped = interrupted();
  const { server, stop } = await startServer(port);

  const address = server.address() as { address: string; port: number };
  console.log(`Serving on ${pyRepr([address.address, address.port])}`);

  // Serve requests until Ctrl+C is pressed; then close the server, quietly.
  await stopped;
  stop();
}

if (isMain(import.meta.url)) runMain(main);
