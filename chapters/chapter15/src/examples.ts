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
      ],
      // Judged on every run from core's task events: the pool's two workers each had a countdown
      // under way at the same moment (a pool of one, or halves run one after the other, never
      // does). It needs no free core: two workers sharing one core still have both tasks open.
      // The CPU time above the wall time shows the two cores too, on a machine that has two free;
      // under load it does not, and is not checked: see the README.
      checks: [
        {
          name: 'two pool workers with a countdown under way at once',
          events: { overlap: 'task', lanes: 2, across: 'isolates', named: /^PoolWorker-/ },
        },
      ],
    },
  ],
});
