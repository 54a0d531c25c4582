// Mirrors Chapter10/echo_server.py: a TCP echo server on 127.0.0.1:8888. Each connection is
// handled on its own, concurrently: one read of at most 100 bytes, logged, echoed back, and the
// connection closed. asyncio's reader/writer coroutine per client is, in Node, a connection
// listener whose socket delivers its first chunk as an event: the same single-threaded loop.
// `--port N` picks another port (0: any free one); the bound address is printed, as the book's.
// The book's `loop=` argument to start_server was removed in Python 3.10, so the original fails
// there at start-up; this twin does what it did on Python 3.7. Ctrl+C (or SIGTERM) closes the
// server and every open connection and exits 0, silently, as the book's does.
import { createServer, type Server, type Socket } from 'node:net';
import { isMain, numberOption, parseOptions, pyRepr, runMain, wholeNumber } from '@mc/core';

const USAGE = 'usage: echo_server [--port 0..65535 (default 8888, 0: a free port)]';
/** The book's `reader.read(100)`: at most this many bytes of the first read. */
const READ_LIMIT = 100;

/** Python's strict `bytes.decode()`: invalid UTF-8 throws instead of becoming U+FFFD. */
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The first read of a connection: its first chunk, or nothing when the client closes its side
 * first; rejects when the connection is lost before either (a reset, or the server stopping).
 */
function firstRead(socket: Socket): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let lost: Error = new Error('the connection was lost before any data');
    const onError = (error: Error) => {
      lost = error;
    };
    const onData = (chunk: Buffer) => finish(() => resolve(chunk));
    const onEnd = () => finish(() => resolve(Buffer.alloc(0)));
    const onClose = () => finish(() => reject(lost));
    const finish = (settle: () => void) => {
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('close', onClose);
      socket.off('error', onError);
      // Whatever else the client sends is read and dropped, as the book's server never reads it.
      socket.on('data', () => {});
      settle();
    };
    socket.on('data', onData);
    socket.once('end', onEnd);
    socket.once('close', onClose);
    socket.once('error', onError);
  });
}

/** The book's `handle_echo`: read, log, echo, close. */
export async function handleEcho(socket: Socket): Promise<void> {
  const data = (await firstRead(socket)).subarray(0, READ_LIMIT);
  const message = decoder.decode(data);
  const addr = [socket.remoteAddress ?? '?', socket.remotePort ?? 0];
  console.log(`Received ${pyRepr(message)} from ${pyRepr(addr)}`);

  console.log(`Send: ${pyRepr(message)}`);
  // write + drain: resolves once the bytes are handed to the system.
  await new Promise<void>((resolve) => socket.write(data, () => resolve()));

  console.log('Close the client socket');
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
  const { values } = parseOptions(
    { args: process.argv.slice(2), options: { port: { type: 'string' } } },
    USAGE,
  );
  const port = numberOption('port', values.port, wholeNumber(0, 65_535), USAGE) ?? 8888;
  // Ctrl+C is awaited from before the server listens, so a signal can never meet Node's default
  // action (death by that signal) instead of a clean stop; the handlers stay to the end.
  const interrupted = new Promise<void>((resolve) => {
    process.on('SIGINT', resolve);
    process.on('SIGTERM', resolve);
  });
  const { server, stop } = await startServer(port);

  const address = server.address() as { address: string; port: number };
  console.log(`Serving on ${pyRepr([address.address, address.port])}`);

  // Serve requests until Ctrl+C is pressed; then close the server, quietly.
  await interrupted;
  stop();
}

if (isMain(import.meta.url)) runMain(main);
