import { createInterface } from 'node:readline';
import { EOFError } from './errors.js';

/**
 * Writes `prompt`, then waits for one line of standard input and returns it without its newline.
 * Twin of Python's `input()`. Other tasks run while it waits.
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
  const lines = createInterface({ input: process.stdin, terminal: false });
  try {
    return await new Promise<string>((resolveLine, reject) => {
      lines.once('line', resolveLine);
      lines.once('close', () => reject(new EOFError('EOF when reading a line')));
    });
  } finally {
    lines.close();
  }
}
