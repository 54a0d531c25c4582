import { defineChapter } from '@mc/runner';

export default defineChapter({
  chapter: 'chapter02',
  title: "Amdahl's Law",
  examples: [
    {
      name: 'example1',
      bookFile: 'Chapter02/example1.py',
      section: 'How to simulate in Python',
      timeoutSeconds: 60,
      outcome: { kind: 'exits' },
    },
  ],
});
