// Worker module of example6: Chapter 9's synchronous check, run on a worker thread. A worker's
// stdout (where core's `print` and console.log write) is relayed through the main thread, so a
// line could reach stdout after the task's result (and the final `Took` line): here each write
// goes straight to file descriptor 1 instead, whole, as a Python process's print does.
import { writeSync } from 'node:fs';

process.stdout.write = ((chunk: string | Uint8Array) => {
  if (typeof chunk === 'string') writeSync(1, chunk);
  else writeSync(1, chunk);
  return true;
}) as typeof process.stdout.write;

export { isPrime } from 'chapter09/example1';
