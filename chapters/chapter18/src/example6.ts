// Mirrors Chapter18/example6.py: a home-made reactor. One thread serves every client at once;
// each client's logic is a coroutine that reads like blocking code (`line = yield* readline(conn)`)
// and is resumed, one line at a time, by the callback it handed to the reactor.
//
// The reactor's loop is the book's: `while (true) { [readyToRead] = await select(sessions, ...) }`,
// with core's `select()` (readiness on the event loop, no polling) over the chapter's listener and
// connections (src/blocking-socket.ts). The coroutines are generators driven by `next(line)`
// (Python's `send(line)`), and the three tables are the book's: sessions, callback, generators.
//
// The original's two defects are fixed here, named (see the README): it answers only the first of
// two lines that arrive together (select() cannot see the second, buffered in the file object),
// and a partial line blocks every client in readline(). Here a connection is ready while it holds
// a whole line, however many came in one read, and a partial line waits in its own connection.
//
//   --port N   listen on port N instead of 8080 (0: a free port; the line printed names it)
import { isMain, portOption, print, pyAscii, runMain } from '@mc/core';
import { select } from '@mc/core/select';
import { type Connection, Listener } from './blocking-socket.js';
import { NOT_INTEGERS, parseIntegers, product, sum } from './calculator.js';
import { BOOK_PORT } from './listen.js';

///////////////////////////////////////////////////////////////////////////
// Reactor

/** The book's `Session(address, file)`. */
export interface Session {
  readonly address: string;
  readonly file: Connection;
}

/** What a coroutine hands the reactor while it waits: call me with this client's next line. */
type Callback = (conn: Connection, line: string) => void;

/** A client's coroutine: yields callbacks, is resumed with lines. */
type Coroutine = Generator<Callback, void, string>;

export const sessions = new Map<Listener | Connection, Session | undefined>(); // { csocket : Session(address, file)}
export const callback = new Map<Connection, Callback>(); // { csocket : callback(client, line) }
export const generators = new Map<Connection, Coroutine>(); // { csocket : inline callback generator }

// Main event loop
export async function reactor(port: number): Promise<void> {
  const sock = await Listener.open(port); // bind, listen(5), print the start-up line

  sessions.set(sock, undefined);

  try {
    while (true) {
      // Serve existing clients only if they already have data ready
      const [readyToRead] = await select(sessions.keys(), [], [], 0.1);
      for (const ready of readyToRead) {
        if (ready === sock) {
          const conn = await sock.accept();
          if (conn === undefined) return; // Ctrl+C closed the listener
          connect(conn, conn.address);
          continue;
        }

        const conn = ready as Connection;
        const line = sessions.get(conn)?.file.readlineNow();
        if (line !== undefined) {
          callback.get(conn)?.(conn, line.trimEnd());
        } else {
          disconnect(conn);
        }
      }
    }
  } finally {
    sock.close();
    for (const conn of [...generators.keys()]) disconnect(conn); // each logs its quit
  }
}

function connect(conn: Connection, cliAddress: string): void {
  sessions.set(conn, { address: cliAddress, file: conn.makefile() });

  const gen = processRequest(conn);
  generators.set(conn, gen);
  const started = gen.next(); // Start the generator
  if (!started.done) callback.set(conn, started.value);
}

function disconnect(conn: Connection): void {
  const gen = generators.get(conn);
  if (!gen) return;
  generators.delete(conn);
  gen.return(); // Python's gen.close()
  conn.close();

  sessions.delete(conn);
  callback.delete(conn);
}

/**
 * Python's `@types.coroutine def readline(conn)`: hands the reactor a callback, and returns the
 * line that callback is called with. JavaScript's `yield*` plays the role of `await` here.
 */
function* readline(_conn: Connection): Generator<Callback, string, string> {
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

function* processRequest(conn: Connection): Coroutine {
  print(`Received connection from ${sessions.get(conn)?.address}`);
  let mode = 'sum';

  try {
    void conn.sendall('<welcome: starting in sum mode>\n');
    for (;;) {
      const line = yield* readline(conn);
      if (line === 'quit') {
        void conn.sendall('connection closed\r\n');
        return;
      }
      if (line === 'sum') {
        void conn.sendall('<switching to sum mode>\r\n');
        mode = 'sum';
        continue;
      }
      if (line === 'product') {
        void conn.sendall('<switching to product mode>\r\n');
        mode = 'product';
        continue;
      }

      print(`${sessions.get(conn)?.address} --> ${line}`);
      const nums = parseIntegers(line);
      if (nums === undefined) {
        void conn.sendall(`${NOT_INTEGERS}\n`);
        continue;
      }

      if (mode === 'sum') {
        void conn.sendall(`Sum of input integers: ${pyAscii(String(sum(nums)))}\r\n`);
      } else {
        void conn.sendall(`Product of input integers: ${pyAscii(String(product(nums)))}\r\n`);
      }
    }
  } finally {
    print(`${sessions.get(conn)?.address} quit`);
  }
}

if (isMain(import.meta.url)) {
  runMain(() => reactor(portOption(BOOK_PORT)));
}
