// Mirrors Chapter17/example1.py: many threads each run `n += 1` on one shared integer, and updates
// can be lost, because += is a load, an add and a store, and another thread can write in between.
// Python's threads take turns under the GIL and need a 1 µs switch interval to collide; Node's
// workers run truly in parallel on a SharedArrayBuffer, so plain increments collide at once. The
// book's 1000 threads of one increment become 4 workers (one worker per thread took 41 to 64 s to
// start here) of 250,000 increments each, released together by a start barrier; `--operations 1000`
// is the book's total. Each increment is Atomics.load then Atomics.store, two atomic steps like
// Python's LOAD and STORE bytecodes; `--increment plain` is `v[0] = v[0] + 1` (V8's optimised code
// makes it one x86 add to memory, which loses fewer), `--increment atomic` is Atomics.add: exact.
import { isMain, print, runMain } from '@mc/core';
import { runWorkers } from './shared-workers.js';
import { ARRIVED, COUNTER, type IncrementForm } from './workers/increment.js';
import { parseWorkload } from './workload-options.js';

const forms: [IncrementForm, ...IncrementForm[]] = ['load-store', 'plain', 'atomic'];

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const { operations, workers, form } = parseWorkload(argv, 'increment', forms);
  print(`${workers} workers, ${operations} increments (${form}), released together.`);

  const shared = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
  const cells = new Int32Array(shared);

  await runWorkers(new URL('./workers/increment.js', import.meta.url), workers, operations, {
    shared,
    form,
  });

  print(`Final value: ${Atomics.load(cells, COUNTER)}.`);
  print('Finished.');
  // The barrier's count, as a check that every worker took part.
  if (Atomics.load(cells, ARRIVED) !== workers) throw new Error('a worker missed the barrier');
}

if (isMain(import.meta.url)) runMain(main);
