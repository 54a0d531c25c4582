// Mirrors Chapter18/example5.py: a coroutine driven by hand, the machinery under `await`.
// `process` suspends inside `readData`, handing the driver a callback; calling that callback sends
// a value back in, and `process` runs on until it suspends again.
//
// JavaScript's async functions cannot be driven by hand (their awaits go to the promise machinery),
// so the coroutine is a generator: `yield* readData()` is Python's `await read_data()`,
// `gen.next(value)` is `gen.send(value)`, and Python's StopIteration is a `{ done: true }` answer.
// Python runs the coroutine's `finally` when it is garbage-collected at exit; JavaScript never
// does, so main ends with `gen.return()`, which prints `Processing done.` as the book's exit does.
import { isMain, print, runMain } from '@mc/core';

type Callback = (n: number) => void;

/** Python's `@types.coroutine def read_data()`: yields a callback, returns what is sent back. */
function* readData(): Generator<Callback, number, number> {
  const inner: Callback = (n) => {
    print(`Printing from read_data(): ${n}`);
    // Python catches StopIteration here; a finished generator just answers { done: true }.
    gen.next(n * 2);
  };

  const data = yield inner;
  return data;
}

function* processData(): Generator<Callback, void, number> {
  try {
    for (;;) {
      const data = yield* readData();
      print(`Printing from process(): ${data}`);
    }
  } finally {
    print('Processing done.');
  }
}

const gen = processData();
const started = gen.next(); // Python's gen.send(None)
if (started.done) throw new Error('process() ended before its first await');
const callback = started.value;

export function main(): void {
  for (let i = 0; i < 5; i += 1) {
    print(`Printing from main(): ${i}`);
    callback(i);
  }
  // What Python does at exit, when it collects the suspended coroutine: close it.
  gen.return();
}

if (isMain(import.meta.url)) runMain(main, { options: {} });
