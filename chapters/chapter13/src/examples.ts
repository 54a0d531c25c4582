import { defineChapter } from '@mc/runner';

export default defineChapter({
  chapter: 'chapter13',
  title: 'Starvation',
  examples: [
    {
      name: 'example1',
      bookFile: 'Chapter13/example1.py',
      section: 'Readers-writers problem: the first readers-writers problem',
      // Reads for ever, the writers starving: stopped by its limit.
      timeoutSeconds: 2,
      outcome: { kind: 'blocks' },
      output: ['Reading being done by Thread-1:\nThis is some text. \n'],
      // Seen in --trace: a writer waits for the resource while the readers hold it.
      trace: [{ waitsWhileHeld: 'resource' }],
    },
    {
      name: 'example2',
      bookFile: 'Chapter13/example2.py',
      section: 'Readers-writers problem: the second readers-writers problem',
      // Writes for ever, the readers starving: stopped by its limit.
      timeoutSeconds: 2,
      outcome: { kind: 'blocks' },
      output: ['Writing being done by Thread-4.\n', 'Writing being done by Thread-5.\n'],
    },
    {
      name: 'example3',
      bookFile: 'Chapter13/example3.py',
      section: 'Readers-writers problem: the third readers-writers problem',
      // Everybody served for ever: stopped by its limit.
      timeoutSeconds: 2,
      outcome: { kind: 'blocks' },
      output: [/^Reading being done by Thread-[123]:$/m, /^Writing being done by Thread-[45]\.$/m],
    },
  ],
});
