import { availableParallelism } from 'node:os';
import { defineChapter, type EventCheck, type ExampleDeclaration } from '@mc/runner';

/**
 * The pool's mechanism, judged on every run from core's task events (the runner records only
 * those): two of its workers each had a task under way at the same moment. A pool of one never
 * does; a loaded machine only stretches the tasks, so they overlap all the more.
 */
const twoWorkersAtOnce: EventCheck = {
  name: 'two pool workers with a task under way at once',
  events: { overlap: 'task', lanes: 2, across: 'isolates', named: /^PoolWorker-/ },
};

const example1: ExampleDeclaration = {
  name: 'example1',
  bookFile: 'Chapter01/example1.py',
  section: 'Example 1 – checking whether a non-negative number is prime',
  timeoutSeconds: 30,
  outcome: { kind: 'exits' },
  // The primes found, sequentially then on the pool, each followed by its time.
  output: [
    /^Result 1: \[(\d+, )*\d+\]\nTook: \d+\.\d\d seconds\.$/m,
    /^Result 2: \[(\d+, )*\d+\]\nTook: \d+\.\d\d seconds\.$/m,
  ],
  checks: [twoWorkersAtOnce],
};

export default defineChapter({
  chapter: 'chapter01',
  title: 'Advanced Introduction to Concurrent and Parallel Programming',
  examples: [
    // The book's program, with its pool of 20 workers.
    example1,
    // The same search on a pool sized to the cores: on a 2-core machine only this one beats the
    // sequential half (see README).
    {
      ...example1,
      args: ['--workers', 'cores'],
      // One core: a pool of one, whose tasks run one after the other.
      checks: availableParallelism() > 1 ? [twoWorkersAtOnce] : [],
    },
    {
      name: 'example2',
      bookFile: 'Chapter01/example2.py',
      section: 'Example 2 – inherently sequential tasks',
      timeoutSeconds: 20,
      outcome: { kind: 'exits' },
      // Both halves compute the same number, whose last five digits are 35443.
      output: [
        /^Result is very large\. Only printing the last 5 digits: 35443\nSequential took: \d+\.\d\d seconds\.$/m,
        /^Result is very large\. Only printing the last 5 digits: 35443\nConcurrent took: \d+\.\d\d seconds\.$/m,
      ],
    },
  ],
});
