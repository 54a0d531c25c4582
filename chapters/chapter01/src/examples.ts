import { defineChapter, type ExampleDeclaration } from '@mc/runner';

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
};

export default defineChapter({
  chapter: 'chapter01',
  title: 'Advanced Introduction to Concurrent and Parallel Programming',
  examples: [
    // The book's program, with its pool of 20 workers.
    example1,
    // The same search on a pool sized to the cores: on a 2-core machine only this one beats the
    // sequential half (see README).
    { ...example1, args: ['--workers', 'cores'] },
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
