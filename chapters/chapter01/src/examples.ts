import { defineChapter, type ExampleDeclaration } from '@mc/runner';

const example1: ExampleDeclaration = {
  name: 'example1',
  bookFile: 'Chapter01/example1.py',
  section: 'Example 1 – checking whether a non-negative number is prime',
  timeoutSeconds: 30,
  outcome: { kind: 'exits' },
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
    },
  ],
});
