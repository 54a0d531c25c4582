// Mirrors Chapter18/example2.py: the calculator of the coming servers, first on stdin. Each line
// of integers separated by commas gets its sum and product (BigInts: Python's ints have no limit).
// Ctrl+C (or SIGTERM) prints `Finished.` and ends with status 0; the end of input (Ctrl+D, or the
// end of a pipe) ends it as Python's input() does, with EOFError (one line here, not a traceback)
// and status 1.
import {
  EOFError,
  input,
  interrupted,
  interruptible,
  isMain,
  KeyboardInterrupt,
  print,
  runMain,
} from '@mc/core';
import { NOT_INTEGERS, parseIntegers, product, sum } from './calculator.js';

export async function main(): Promise<void> {
  // Ctrl+C is caught from before the first prompt: a stop sent the moment it appears is no death
  // by the signal.
  void interrupted();
  try {
    for (;;) {
      // Core's input() reads stdin as plain lines, so Ctrl+C on a terminal is a real SIGINT, as it
      // is with piped input; interruptible() turns it (or SIGTERM) into KeyboardInterrupt here.
      const line = await interruptible(
        input('Please enter a list of integer, separated by commas: '),
      );
      const nums = parseIntegers(line);
      if (nums === undefined) {
        print(NOT_INTEGERS);
        continue;
      }

      print('Sum of input integers', sum(nums));
      print('Product of input integers', product(nums));
    }
  } catch (error) {
    if (!(error instanceof KeyboardInterrupt)) throw error;
    print('\nFinished.');
    // The interrupted input() still waits for a line and would keep the program alive: Python's
    // ends at the end of the script, stdin open or not.
    process.stdin.destroy();
  }
}

if (isMain(import.meta.url)) {
  runMain(
    async () => {
      try {
        await main();
      } catch (error) {
        if (!(error instanceof EOFError)) throw error;
        // The last line of Python's traceback.
        console.error(`EOFError: ${error.message}`);
        process.exitCode = 1;
      }
    },
    { options: {} },
  );
}
