// Worker of example2: one of the book's threads running `my_list.append(1)`, many times over. A
// JavaScript array cannot be shared between workers, so the list is an Int32Array in shared memory
// and its length a shared cell. The atomic append reserves its slot with Atomics.add (fetch-and-add
// returns the old length: that slot is this worker's alone), then writes the element there.
import { workerData } from 'node:worker_threads';
import type { WorkerShare } from '../shared-workers.js';
import { awaitStart } from '../start-barrier.js';

/** `atomic`: Atomics.add reserves the slot. `plain`: read the length, write, store length + 1. */
export type AppendForm = 'atomic' | 'plain';

/** What example2 gives each worker. */
export interface AppendData extends WorkerShare {
  /** Int32 cells: [LENGTH] the list's length, [ARRIVED] the start barrier's count. */
  readonly header: SharedArrayBuffer;
  /** The list's elements: room for every append. */
  readonly items: SharedArrayBuffer;
  readonly form: AppendForm;
}

export const LENGTH = 0;
export const ARRIVED = 1;

/** Appends 1 to the shared list `operations` times. */
export function append(
  header: Int32Array,
  items: Int32Array,
  operations: number,
  form: AppendForm,
): void {
  if (form === 'atomic') {
    for (let done = 0; done < operations; done++) {
      const slot = Atomics.add(header, LENGTH, 1);
      Atomics.store(items, slot, 1);
    }
  } else {
    // Two workers can read the same length, fill the same slot, and store the same length + 1.
    for (let done = 0; done < operations; done++) {
      const slot = header[LENGTH] as number;
      items[slot] = 1;
      header[LENGTH] = slot + 1;
    }
  }
}

const data = workerData as AppendData | null;
if (data) {
  const header = new Int32Array(data.header);
  awaitStart(header, ARRIVED, data.parties);
  append(header, new Int32Array(data.items), data.operations, data.form);
}
