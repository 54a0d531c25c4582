// Worker module of example6: Chapter 9's synchronous check, run on a worker thread. A worker's
// console.log is relayed through the main thread, so a line could reach stdout after the task's
// result (and the final `Took` line): here each line goes straight to stdout instead, whole, as
// a Python process's print does.
import { writeSync } from 'node:fs';
import { format } from 'node:util';

console.log = (...values: unknown[]) => {
  writeSync(1, `${format(...values)}\n`);
};

export { isPrime } from 'chapter09/example1';
