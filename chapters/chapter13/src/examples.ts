import { defineChapter, type OutputCheck } from '@mc/runner';

/**
 * example2's lesson in its output: once a writer is in, at most the 3 readers already queued then
 * read (none, in every run here), however long it runs.
 */
export const readersStarve: OutputCheck = {
  name: 'the readers starving once the writers are in (at most 3 reads after the first write)',
  test: (stdout) => {
    const afterFirstWrite = stdout.slice(Math.max(0, stdout.indexOf('Writing being done')));
    return (
      stdout.includes('Writing being done') &&
      afterFirstWrite.split('Reading being done').length - 1 <= 3
    );
  },
};

export default defineChapter({
  chapter: 'chapter13',
  title: 'Starvation',
  examples: [
    {
      name: 'example1',
      bookFile: 'Chapter13/example1.py',
      section: 'Readers-writers problem: the first readers-writers problem',
      // Reads for ever, the writers starving: stopped by its limit. Not one write in the run.
      timeoutSeconds: 2,
      outcome: { kind: 'blocks' },
      // All three readers read (threads run one after the other would leave Thread-1 alone).
      output: [
        'Reading being done by Thread-1:\nThis is some text. \n',
        'Reading being done by Thread-2:\n',
        'Reading being done by Thread-3:\n',
      ],
      forbiddenOutput: ['Writing being done'],
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
      checks: [readersStarve],
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
