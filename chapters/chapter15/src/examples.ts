import { availableParallelism } from 'node:os';
import { defineChapter } from '@mc/runner';

/** A timing as the book prints it: two spaces after Took (Python's sign space), two decimals. */
const took = String.raw`Took {2}\d+\.\d\d seconds\.`;
/** The heartbeat of a phase that kept the event loop busy: not one tick. */
const noTick = String.raw`Heartbeat: 0 ticks of 10 ms; CPU time \d+\.\d\d s, wall \d+\.\d\d s\.`;
/** The heartbeat of a phase that left the event loop free: it ticked. */
const ticked = String.raw`Heartbeat: [1-9]\d* ticks of 10 ms; CPU time \d+\.\d\d s, wall \d+\.\d\d s\.`;

export default defineChapter({
  chapter: 'chapter15',
  title: 'The Global Interpreter Lock',
  examples: [
    {
      name: 'example1',
      bookFile: 'Chapter15/example1.py',
      section: 'Memory management in Python: reference counting',
      timeoutSeconds: 10,
      outcome: { kind: 'exits' },
      output: [
        'Variable a after a is changed: [8].\nVariable b after a is changed: [8].\n',
        'WeakRef once a and b let go, after a collection: empty.\n',
        /^Finished\.\n$/m,
      ],
    },
    {
      name: 'example2',
      bookFile: 'Chapter15/example2.py',
      section: 'The problem that the GIL addresses: a CPU-bound countdown in two threads',
      timeoutSeconds: 30,
      outcome: { kind: 'exits' },
      output: [
        new RegExp(`^Sequential program finished\\.\\n${took}\\n${noTick}\\n`, 'm'),
        new RegExp(`^Concurrent program finished\\.\\n${took}\\n${noTick}\\n`, 'm'),
      ],
    },
    {
      name: 'example3',
      bookFile: 'Chapter15/example3.py',
      section: 'Working with the GIL: multiprocessing instead of multithreading',
      timeoutSeconds: 30,
      outcome: { kind: 'exits' },
      output: [
        new RegExp(`^Sequential program finished\\.\\n${took}\\n${noTick}\\n\\n`, 'm'),
        new RegExp(`^Multithreading program finished\\.\\n${took}\\n${noTick}\\n\\n`, 'm'),
        new RegExp(`^Multiprocessing program finished\\.\\n${took}\\n${ticked}\\n`, 'm'),
        // The pool's two halves ran side by side on two workers: a pool of one shows 1 at once.
        // (Its CPU time above its wall time shows the two cores too, on a machine that has two
        // free; under load it does not, and is not checked: see the README.)
        'Pool: at most 2 tasks running at once, on 2 worker threads.\n',
      ],
      // Seen in --trace: the two threads count one after the other on the main thread, the pool's
      // two workers count at the same time (a machine with 2 cores or more).
      ...(availableParallelism() > 1
        ? { trace: [{ overlap: 'task', lanes: 2, across: 'isolates', named: /^PoolWorker-/ }] }
        : {}),
    },
  ],
});
