// Mirrors Chapter18/example6.py: a home-made reactor. One thread serves every client at once;
// each client's logic is a coroutine that reads like blocking code (`line = yield* readline(conn)`)
// and is resumed, one line at a time, by the callback it handed to the reactor.
//
// Node has no select(): libuv's event loop (epoll) is the reactor. The book's loop body becomes
// two handlers: "the listener is readable: accept and connect" is the server's 'connection' event,
// "a client is readable: read one line and call its callback" is the socket's 'data' event, which
// calls the callback once per complete line. The coroutines are generators driven by `next(line)`
// (Python's `send(line)`), and the three tables are the book's: sessions, callback, generators.
//
// The original's two defects do not exist here (see the README): it answers only the first of two
// lines that arrive together (select() cannot see the second, buffered in the file object), and a
// partial line blocks every client in readline(). Each 'data' event is split into every complete
// line it holds, and a partial line simply waits in its own client's splitter.
//
//   --port N   listen on port N instead of 8080 (0: a free port; the line printed names it)
import { createServer, type Server, type Socket } from 'node:net';
import { interrupted, isMain, portOption, pyAscii, pyRepr, runMain } from '@mc/core';
import { NOT_INTEGERS, parseIntegers, product, sum } from './calculator.js';
import { type LineEvent, LineSplitter, NOT_UTF8, TOO_LONG } from './lines.js';
import { BOOK_PORT, listen } from './listen.js';

///////////////////////////////////////////////////////////////////////////
// Reactor

/** The book's `Session(address, file)`: the file object is the client's line splitter. */
export interface Session {
  readonly address: string;
  readonly file: LineSplitter;
}

/** What a coroutine hands the reactor while it waits: call me with this client's next line. */
type Callback = (conn: Socket, line: string) => void;

/** A client's coroutine: yields callbacks, is resumed with lines. */
type Coroutine = Generator<Callback, void, string>;

export const sessions = new Map<Socket, Session>(); // { csocket : Session(address, file) }
export const callback = new Map<Socket, Callback>(); // { csocket : callback(client, line) }
export const generators = new Map<Socket, Coroutine>(); // { csocket : inline callback generator }

/** Main event loop: Node's own. Resolves once it listens, with the listening socket. */
export async function reactor(port: number): Promise<Server> {
  const sock = createServer(connect);
  await listen(sock, port);
  return sock;
}

/** Ctrl+C: stop listening and let every client go (its coroutine's finally logs its quit). */
export function shutdown(sock: Server): void {
  sock.close();
  for (const conn of [...sessions.keys()]) disconnect(conn, true);
}

/** The book's "the socket is ready to read": every complete line goes to the client's callback. */
function onReadable(conn: Socket, chunk: Buffer): void {
  const session = sessions.get(conn);
  if (session) deliver(conn, session.file.push(chunk));
  // A client that sends faster than it reads its answers is not read until they have gone out.
  if (conn.writableNeedDrain && !conn.isPaused()) {
    conn.pause();
    conn.once('drain', () => conn.resume());
  }
}

/** The book's "readline() returned nothing": the client left, with or without `quit`. */
function onEnd(conn: Socket): void {
  const session = sessions.get(conn);
  if (session) deliver(conn, session.file.end()); // a last line without a line break
  disconnect(conn);
}

function deliver(conn: Socket, events: readonly LineEvent[]): void {
  for (const event of events) {
    if (!sessions.has(conn)) return; // its coroutine ended (quit): the rest is not read
    if (event.kind === 'line') {
      callback.get(conn)?.(conn, event.text.trimEnd());
    } else if (event.kind === 'not-utf8') {
      conn.write(`${NOT_UTF8}\n`);
    } else {
      conn.write(`${TOO_LONG}\n`);
      disconnect(conn);
    }
  }
}

function connect(conn: Socket): void {
  sessions.set(conn, {
    address: pyRepr([conn.remoteAddress ?? '?', conn.remotePort ?? 0]),
    file: new LineSplitter(),
  });
  conn.on('data', (chunk: Buffer) => onReadable(conn, chunk));
  conn.on('end', () => onEnd(conn));
  conn.on('error', () => disconnect(conn, true));

  const gen = processRequest(conn);
  generators.set(conn, gen);
  const started = gen.next(); // Start the generator
  if (!started.done) callback.set(conn, started.value);
}

/** Ends a client's coroutine (its `finally` runs), closes its connection, forgets it. */
function disconnect(conn: Socket, reset = false): void {
  const gen = generators.get(conn);
  if (!gen) return;
  generators.delete(conn);
  gen.return(); // Python's gen.close()
  if (reset) conn.destroy();
  else conn.end();

  sessions.delete(conn);
  callback.delete(conn);
}

/**
 * Python's `@types.coroutine def readline(conn)`: hands the reactor a callback, and returns the
 * line that callback is called with. JavaScript's `yield*` plays the role of `await` here.
 */
function* readline(_conn: Socket): Generator<Callback, string, string> {
  const inner: Callback = (conn, line) => {
    const gen = generators.get(conn);
    if (!gen) return;
    const next = gen.next(line); // Continue the generator
    // Python's StopIteration: in JavaScript, a finished generator answers { done: true }.
    if (next.done) disconnect(conn);
    else callback.set(conn, next.value);
  };

  const line = yield inner;
  return line;
}

///////////////////////////////////////////////////////////////////////////
// User's Business Logic

function* processRequest(conn: Socket): Coroutine {
  console.log(`Received connection from ${sessions.get(conn)?.address}`);
  let mode = 'sum';

  try {
    conn.write('<welcome: starting in sum mode>\n');
    for (;;) {
      const line = yield* readline(conn);
      if (line === 'quit') {
        conn.write('connection closed\r\n');
        return;
      }
      if (line === 'sum') {
        conn.write('<switching to sum mode>\r\n');
        mode = 'sum';
        continue;
      }
      if (line === 'product') {
        conn.write('<switching to product mode>\r\n');
        mode = 'product';
        continue;
      }

      console.log(`${sessions.get(conn)?.address} --> ${line}`);
      const nums = parseIntegers(line);
      if (nums === undefined) {
        conn.write(`${NOT_INTEGERS}\n`);
        continue;
      }

      if (mode === 'sum') {
        conn.write(`Sum of input integers: ${pyAscii(String(sum(nums)))}\r\n`);
      } else {
        conn.write(`Product of input integers: ${pyAscii(String(product(nums)))}\r\n`);
      }
    }
  } finally {
    console.log(`${sessions.get(conn)?.address} quit`);
  }
}

if (isMain(import.meta.url)) {
  runMain(async () => {
    // Ctrl+C is caught from before the start-up line, so a stop sent the moment it appears is a
    // clean one too.
    const stop = interrupted();
    const sock = await reactor(portOption(process.argv.slice(2), BOOK_PORT));
    await stop;
    shutdown(sock);
  });
}
