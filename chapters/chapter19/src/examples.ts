import { defineChapter } from '@mc/runner';

export default defineChapter({
  chapter: 'chapter19',
  title: 'Testing, Debugging, and Scheduling Concurrent Applications',
  examples: [
    {
      name: 'example5',
      bookFile: 'Chapter19/example5.py',
      section: 'Unit testing',
      timeoutSeconds: 15,
      outcome: { kind: 'exits' },
      output: [/^\.\.\n-{70}\nRan 2 tests in \d+\.\d{3}s\n\nOK\n$/],
    },
    {
      name: 'example6',
      bookFile: 'Chapter19/example6.py',
      section: 'Concurrent testing',
      timeoutSeconds: 60,
      outcome: { kind: 'exits' },
      output: [/^\.{4}\n-{70}\nRan 4 tests in \d+\.\d{3}s\n\nOK\n$/],
    },
    {
      name: 'example7',
      bookFile: 'Chapter19/example7.py',
      section: 'Concurrent testing',
      timeoutSeconds: 60,
      outcome: { kind: 'exits' },
      output: [/^\.{4}\n-{70}\nRan 4 tests in \d+\.\d{3}s\n\nOK\n$/],
    },
  ],
});
