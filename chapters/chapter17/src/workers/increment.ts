// Worker of example1: one of the book's threads running `n += 1`, many times over. It waits at the
// start barrier with the others, then adds 1 to the shared counter `operations` times, in the form
// it was told. It prints nothing: the main thread reads the counter once every worker has exited.
import { workerData } from 'node:worker_threads';
import type { WorkerShare } from '../shared-workers.js';
import { awaitStart } from '../start-barrier.js';

/** How the worker adds 1: Python's `n += 1` is load, add, store; only `atomic` is one step. */
export type IncrementForm = 'plain' | 'load-store' | 'atomic';

/** What example1 gives each worker. */
export interface IncrementData extends WorkerShare {
  /** Int32 cells: [COUNTER] the shared n, [ARRIVED] the start barrier's count. */
  readonly shared: SharedArrayBuffer;
  readonly form: IncrementForm;
}

export const COUNTER = 0;
export const ARRIVED = 1;

/** Adds 1 to `cells[COUNTER]` `operations` times; only the atomic form never loses one. */
export function increment(cells: Int32Array, operations: number, form: IncrementForm): void {
  if (form === 'plain') {
    // Read, add, write: another core's write between the read and the write is overwritten.
    for (let done = 0; done < operations; done++) cells[COUNTER] = (cells[COUNTER] as number) + 1;
  } else if (form === 'load-store') {
    // Each step is atomic, the pair is not: the twin of "each bytecode is atomic, += is not".
    for (let done = 0; done < operations; done++) {
      Atomics.store(cells, COUNTER, Atomics.load(cells, COUNTER) + 1);
    }
  } else {
    // One indivisible read-modify-write.
    for (let done = 0; done < operations; done++) Atomics.add(cells, COUNTER, 1);
  }
}

const data = workerData as IncrementData | null;
if (data) {
  const cells = new Int32Array(data.shared);
  awaitStart(cells, ARRIVED, data.parties);
  increment(cells, data.operations, data.form);
}
