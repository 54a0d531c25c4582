import { defineChapter } from '@mc/runner';

export default defineChapter({
  chapter: 'chapter06',
  title: 'Working with Processes in Python',
  examples: [
    {
      name: 'example1',
      bookFile: 'Chapter06/example1.py',
      section: 'The Process class',
      timeoutSeconds: 15,
      outcome: { kind: 'exits' },
    },
    {
      name: 'example2',
      bookFile: 'Chapter06/example2.py',
      section: 'Determining the current process: process names',
      timeoutSeconds: 15,
      outcome: { kind: 'exits' },
    },
    {
      name: 'example3',
      bookFile: 'Chapter06/example3.py',
      section: 'Determining the current process: process IDs',
      timeoutSeconds: 10,
      outcome: { kind: 'exits' },
    },
    {
      name: 'example4',
      bookFile: 'Chapter06/example4.py',
      section: 'Waiting for processes: daemon processes',
      timeoutSeconds: 15,
      outcome: { kind: 'exits' },
    },
    {
      name: 'example5',
      bookFile: 'Chapter06/example5.py',
      section: 'Waiting for processes: join with a timeout',
      timeoutSeconds: 15,
      outcome: { kind: 'exits' },
    },
    {
      name: 'example6',
      bookFile: 'Chapter06/example6.py',
      section: 'Interprocess communication: message passing for a single worker',
      timeoutSeconds: 10,
      outcome: { kind: 'exits' },
    },
    {
      name: 'example7',
      bookFile: 'Chapter06/example7.py',
      section: 'Message passing between several workers',
      timeoutSeconds: 10,
      outcome: { kind: 'exits' },
    },
    {
      name: 'example8',
      bookFile: 'Chapter06/example8.py',
      section: 'Message passing between several workers: poison pills',
      timeoutSeconds: 10,
      outcome: { kind: 'exits' },
    },
  ],
});
