// Mirrors Chapter03/example2.py: low-level fire-and-forget threads (`_thread.start_new_thread`)
// check five numbers for primality while the program waits for input. Without that wait the
// program ends first and every task is lost. Node's twin queues each task on the event loop, so
// the tasks run only once main yields (here: while it waits on stdin), and runMain ends the
// program without them, as Python kills such threads at exit.
//
//   --no-wait   skip the prompt, as if the book's input() line were commented out: no verdict prints
import { EOFError, input, isMain, print, runMain } from '@mc/core';
import { startNewThread } from '@mc/core/_thread';
import { isPrime as primeOrFalse } from '@mc/primes';

/** The book's is_prime: prints its verdict instead of returning it. */
export function isPrime(x: number): void {
  if (primeOrFalse(x) === false) print(`${x} is not a prime number.`);
  else print(`${x} is a prime number.`);
}

export const myInput = [2, 193, 323, 1327, 433785907];

export async function main(args: readonly string[] = process.argv.slice(2)): Promise<void> {
  for (const x of myInput) startNewThread(isPrime, x);

  if (!args.includes('--no-wait')) {
    try {
      await input('Type something to quit: \n');
    } catch (error) {
      // Closed stdin (Ctrl-D, or a pipe with nothing in it) ends the wait like an answer would.
      if (!(error instanceof EOFError)) throw error;
    }
  }
  print('Finished.');
}

if (isMain(import.meta.url)) runMain(main);
