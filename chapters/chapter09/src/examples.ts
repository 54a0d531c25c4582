import { defineChapter } from '@mc/runner';

const VERDICTS = [
  'Processing 9637529763296797...\n9637529763296797 is a prime number.\n',
  'Processing 427920331...\n427920331 is a prime number.\n',
  'Processing 157...\n157 is a prime number.\n',
];

export default defineChapter({
  chapter: 'chapter09',
  title: 'Introduction to Asynchronous Programming',
  examples: [
    {
      name: 'example1',
      bookFile: 'Chapter09/example1.py',
      section: 'Synchronous versus asynchronous: a sequential example',
      timeoutSeconds: 20,
      outcome: { kind: 'exits' },
      output: [VERDICTS.join('')],
    },
    {
      name: 'example2',
      bookFile: 'Chapter09/example2.py',
      section: 'Asynchronous programming: an example in Python',
      timeoutSeconds: 20,
      outcome: { kind: 'exits' },
      // The cheap checks start and end while the big one is still running.
      output: [
        'Processing 9637529763296797...\nProcessing 427920331...\n427920331 is a prime number.\nProcessing 157...\n157 is a prime number.\n9637529763296797 is a prime number.\n',
      ],
    },
  ],
});
