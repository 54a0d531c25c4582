import { defineChapter } from '@mc/runner';

export default defineChapter({
  chapter: 'chapter07',
  title: 'Reduction Operators in Processes',
  examples: [
    {
      name: 'example1',
      bookFile: 'Chapter07/example1.py',
      section: 'Example implementation in Python',
      timeoutSeconds: 20,
      outcome: { kind: 'exits' },
      output: [/^Final result: 190\.\n$/m],
    },
  ],
});
