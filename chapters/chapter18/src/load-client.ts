/**
 * Not a book program: the load the chapter's test and benchmark put on the reactor (example6, or
 * the book's example6.py). Many clients connect, each switches to its own mode, then every client
 * asks its questions one at a time, each checked against the answer it must get, and quits.
 *
 * One question in flight per client, each in a write of its own: the book's reactor loses a line
 * that arrives together with another (its defect; the twin answers both), and would be measured
 * on lines it never answers.
 */
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface LoadOptions {
  readonly port: number;
  /** Clients connected at the same time. */
  readonly clients: number;
  /** Questions each client asks. */
  readonly requestsPerClient: number;
  /** Connections being opened at once: the book's backlog of 5 drops the connections beyond it. */
  readonly connecting?: number;
  /**
   * How each client leaves: `quit` (the server closes the connection, so the server's side waits
   * out TCP's TIME_WAIT, and the book's server, which sets no SO_REUSEADDR, cannot listen on its
   * port again for a minute), or `drop`: the client closes without a word (default `quit`).
   */
  readonly leave?: 'quit' | 'drop';
  /** Seconds a client waits for any one answer before it counts as an error. */
  readonly patienceSeconds?: number;
}

export interface LoadReport {
  readonly clients: number;
  /** Questions answered, right or wrong. */
  readonly answered: number;
  /** Answers that were not the one expected. */
  readonly wrong: number;
  /** Clients that failed: a refused or reset connection, an answer that never came. */
  readonly errors: number;
  /** The first few problems, in words. */
  readonly problems: readonly string[];
  /** Seconds to connect and welcome every client. */
  readonly connectSeconds: number;
  /** Seconds from the first question to the last answer, every client asking at once. */
  readonly requestSeconds: number;
  readonly requestsPerSecond: number;
}

/** A connected client that reads the server's replies line by line. */
class LoadClient {
  readonly #socket: Socket;
  #buffer = '';
  #waiting: ((line: string) => void) | undefined;

  constructor(socket: Socket) {
    this.#socket = socket;
    socket.setEncoding('latin1');
    socket.on('data', (text: string) => {
      this.#buffer += text;
      this.#deliver();
    });
  }

  /** The next reply line, without its line break. */
  nextLine(patienceMs: number): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no answer in time')), patienceMs);
      const fail = (): void => reject(new Error('connection closed before the answer'));
      this.#socket.once('close', fail);
      this.#waiting = (line) => {
        clearTimeout(timer);
        this.#socket.off('close', fail);
        resolve(line);
      };
      this.#deliver();
    });
  }

  send(line: string): void {
    this.#socket.write(`${line}\r\n`);
  }

  close(): void {
    this.#socket.destroy();
  }

  #deliver(): void {
    const end = this.#buffer.indexOf('\n');
    if (end < 0 || !this.#waiting) return;
    const line = this.#buffer.slice(0, end).replace(/\r$/, '');
    this.#buffer = this.#buffer.slice(end + 1);
    const waiting = this.#waiting;
    this.#waiting = undefined;
    waiting(line);
  }
}

/** Client `c`'s mode (half in each) and the answer to its question `k`. */
function question(c: number, k: number): { line: string; answer: string } {
  const a = c + 1;
  const b = k * 7 + 3;
  if (c % 2 === 0) return { line: `${a},${b}`, answer: `Sum of input integers: '${a + b}'` };
  return { line: `${a}, ${b}`, answer: `Product of input integers: '${BigInt(a) * BigInt(b)}'` };
}

/** Runs `tasks` with at most `limit` of them at a time; their results in order. */
async function limited<T>(
  count: number,
  limit: number,
  task: (i: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const i = next;
      next += 1;
      results[i] = await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
  return results;
}

/** Puts the load on the server at `port` and reports what came back. */
export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const patienceMs = (options.patienceSeconds ?? 30) * 1000;
  const problems: string[] = [];
  let errors = 0;
  let wrong = 0;
  let answered = 0;
  const fail = (c: number, error: unknown): undefined => {
    errors += 1;
    if (problems.length < 5) problems.push(`client ${c}: ${(error as Error).message}`);
    return undefined;
  };
  const check = (c: number, got: string, expected: string): void => {
    answered += 1;
    if (got === expected) return;
    wrong += 1;
    if (problems.length < 5) problems.push(`client ${c}: expected ${expected}, got ${got}`);
  };

  const connectStart = performance.now();
  const clients = await limited(options.clients, options.connecting ?? 5, async (c) => {
    try {
      const socket = connect(options.port, '127.0.0.1');
      socket.on('error', () => {});
      await once(socket, 'connect');
      const client = new LoadClient(socket);
      check(c, await client.nextLine(patienceMs), '<welcome: starting in sum mode>');
      answered -= 1; // the welcome is no question
      if (c % 2 === 1) {
        client.send('product');
        check(c, await client.nextLine(patienceMs), '<switching to product mode>');
        answered -= 1;
      }
      return client;
    } catch (error) {
      return fail(c, error);
    }
  });
  const connectSeconds = (performance.now() - connectStart) / 1000;

  const requestStart = performance.now();
  await Promise.all(
    clients.map(async (client, c) => {
      if (!client) return;
      try {
        for (let k = 0; k < options.requestsPerClient; k += 1) {
          const { line, answer } = question(c, k);
          client.send(line);
          check(c, await client.nextLine(patienceMs), answer);
        }
        if (options.leave !== 'drop') {
          client.send('quit');
          const last = await client.nextLine(patienceMs);
          if (last !== 'connection closed') fail(c, new Error(`quit answered ${last}`));
        }
      } catch (error) {
        fail(c, error);
      } finally {
        client.close();
      }
    }),
  );
  const requestSeconds = (performance.now() - requestStart) / 1000;
  return {
    clients: options.clients,
    answered,
    wrong,
    errors,
    problems,
    connectSeconds,
    requestSeconds,
    requestsPerSecond: answered / requestSeconds,
  };
}
