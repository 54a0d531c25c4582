// Mirrors Chapter17/example2.py: many threads each append 1 to one shared list, and none is lost,
// because list.append is one indivisible step in CPython. Node cannot share an array between
// workers: the list is an Int32Array in a SharedArrayBuffer and each append reserves its slot with
// Atomics.add on the shared length (fetch-and-add: the old length is this append's slot), which is
// one indivisible step too. As in example1, 4 workers released together by a start barrier do the
// book's 1000 threads' work many times over (`--operations 1000`: the book's total); `--append plain`
// reads the length, writes and stores length + 1 in three steps, and loses elements.
import { isMain, print, runMain } from '@mc/core';
import { runWorkers } from './shared-workers.js';
import { type AppendForm, LENGTH } from './workers/append.js';
import { parseWorkload } from './workload-options.js';

const forms: [AppendForm, ...AppendForm[]] = ['atomic', 'plain'];

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const { operations, workers, form } = parseWorkload(argv, 'append', forms);
  print(`${workers} workers, ${operations} appends (${form}), released together.`);

  const header = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
  const items = new SharedArrayBuffer(operations * Int32Array.BYTES_PER_ELEMENT);

  await runWorkers(new URL('./workers/append.js', import.meta.url), workers, operations, {
    header,
    items,
    form,
  });

  const length = Atomics.load(new Int32Array(header), LENGTH);
  print(`Final list length: ${length}.`);
  print('Finished.');
}

if (isMain(import.meta.url)) runMain(main);
