import type { Interface } from 'node:readline';
import { EOFError } from './errors.js';

/**
 * The one reader of standard input, shared by every `input()` call: a line that arrived with an
 * earlier one (`printf 'a\nb\n' | node x.js`) waits in `lines` for the next call, where a reader
 * per call would drop it. Created on the first call; paused and unreferenced while nobody waits
 * for a line, so an open stdin (a terminal, a pipe) does not keep the program alive, and closed at
 * end of input.
 */
class StdinLines {
  readonly #reader: Interface;
  readonly #lines: string[] = [];
  readonly #waiting: { resolve: (line: string) => void; reject: (error: Error) => void }[] = [];
  #ended = false;

  constructor() {
    // Loaded on the first input(), not by every program (and child process) that imports core.
    const { createInterface } = process.getBuiltinModule('node:readline');
    this.#reader = createInterface({ input: process.stdin, terminal: false });
    this.#reader.on('line', (line) => {
      const waiter = this.#waiting.shift();
      if (waiter) waiter.resolve(line);
      else this.#lines.push(line);
      if (this.#waiting.length === 0) this.#release();
    });
    this.#reader.on('close', () => {
      this.#ended = true;
      for (const waiter of this.#waiting.splice(0)) {
        waiter.reject(new EOFError('EOF when reading a line'));
      }
    });
  }

  /** The next line: a buffered one at once, else the next to arrive; EOFError once input ended. */
  next(): Promise<string> {
    const line = this.#lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (this.#ended) return Promise.reject(new EOFError('EOF when reading a line'));
    return new Promise((resolve, reject) => {
      this.#waiting.push({ resolve, reject });
      // A waiting input() keeps the program alive, as Python's blocks it.
      stdinHandle().ref?.();
      this.#reader.resume();
    });
  }

  /** Nobody waits: stop reading and let the program end even though stdin is still open. */
  #release(): void {
    this.#reader.pause();
    stdinHandle().unref?.();
  }
}

/** stdin is a socket for a pipe or a terminal (with ref/unref), a plain stream for a file. */
function stdinHandle(): { ref?: () => void; unref?: () => void } {
  return process.stdin as { ref?: () => void; unref?: () => void };
}

let stdinLines: StdinLines | undefined;

/**
 * Writes `prompt`, then waits for one line of standard input and returns it without its newline.
 * Twin of Python's `input()`. Other tasks run while it waits. Every call reads from the same
 * reader, so lines that arrive together are each returned by one call, in order.
 *
 * @example const answer = await input('Type something to quit: \n')
 * @throws EOFError when standard input ends (or is closed) before a line arrives.
 */
export async function input(prompt = ''): Promise<string> {
  process.stdout.write(prompt);
  // Tasks queued before the prompt (`startNewThread`) run first, as Python threads started before
  // input() run while it waits, however fast the answer comes. Without this turn of the event
  // loop, an answer already in the pipe could be read first: Node 24 delivers it before the
  // queued tasks (Node 20 happened not to).
  await new Promise((resolve) => setImmediate(resolve));
  stdinLines ??= new StdinLines();
  return stdinLines.next();
}
