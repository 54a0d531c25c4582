import { defineChapter } from '@mc/runner';

export default defineChapter({
  chapter: 'chapter01',
  title: 'Advanced Introduction to Concurrent and Parallel Programming',
  examples: [
    {
      name: 'example1',
      bookFile: 'Chapter01/example1.py',
      section: 'Example 1 – checking whether a non-negative number is prime',
      timeoutSeconds: 30,
      outcome: { kind: 'exits' },
    },
    {
      name: 'example2',
      bookFile: 'Chapter01/example2.py',
      section: 'Example 2 – inherently sequential tasks',
      timeoutSeconds: 20,
      outcome: { kind: 'exits' },
    },
  ],
});
