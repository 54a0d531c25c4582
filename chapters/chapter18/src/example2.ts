// Mirrors Chapter18/example2.py: the calculator of the coming servers, first on stdin. Each line
// of integers separated by commas gets its sum and product (BigInts: Python's ints have no limit).
// Ctrl+C (or SIGTERM) prints `Finished.` and ends with status 0; the end of input (Ctrl+D, or the
// end of a pipe) ends it as Python's input() does, with EOFError (its one line, as runMain prints
// it, not a traceback) and status 1.
import {
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
  void interrupted(); // Ctrl+C is caught from before the first prompt

  try {
    while (true) {
      // interruptible() raises KeyboardInterrupt here on Ctrl+C (or SIGTERM), as Python does.
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
    process.stdin.destroy(); // the interrupted input() would keep the program alive
  }
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
