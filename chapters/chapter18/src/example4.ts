// Mirrors Chapter18/example4.py: a generator asked for one value more than it has. Each request
// resumes it for one turn of its loop; the sixth finds it finished, and the program ends there
// with StopIteration (`Finished.` is never printed).
//
// JavaScript differs here: `next()` on a finished generator does not throw, it answers
// `{ done: true, value: undefined }`. Python's builtin `next()` is written out below to turn that
// answer into the StopIteration the lesson is about (uncaught: a stack on stderr, status 1).
import { isMain, print, runMain } from '@mc/core';

/** Python's StopIteration: what `next()` raises when an iterator has nothing more. */
export class StopIteration extends Error {
  override name = 'StopIteration';
}

/** Python's builtin `next(iterator)`: the next value, or StopIteration where JavaScript says done. */
export function next<T>(iterator: Iterator<T>): T {
  const result = iterator.next();
  if (result.done) throw new StopIteration('the generator has no more values');
  return result.value;
}

function* readData(): Generator<number, void, undefined> {
  for (let i = 0; i < 5; i += 1) {
    print('Inside the inner for loop...');
    yield i * 2;
  }
}

export function main(): void {
  const result = readData();
  for (let i = 0; i < 6; i += 1) {
    print('Inside the outer for loop...');
    print(next(result));
  }

  print('Finished.');
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
