import { defineChapter } from '@mc/runner';

const networkBlocks = {
  full: 'Full network: {\n\tA: 1;\n\tB: 1;\n\tC: 1;\n}\n\n',
  final: 'Final network: {\n\tB: 1;\n\tC: 1;\n}\n\nFinished.\n',
};

export default defineChapter({
  chapter: 'chapter16',
  title: 'Designing Lock-Based and Mutex-Free Concurrent Data Structures',
  examples: [
    {
      name: 'example1',
      bookFile: 'Chapter16/example1.py',
      section: 'Lock-based concurrent data structures: a counter without a lock',
      timeoutSeconds: 10,
      outcome: { kind: 'exits' },
      // The count is about 100, never the 300 increments made.
      output: [/^Final counter: (?!300\.)\d+\.\nFinished\.\n$/m],
    },
    {
      name: 'example2',
      bookFile: 'Chapter16/example2.py',
      section: 'Lock-based concurrent data structures: one lock',
      timeoutSeconds: 10,
      outcome: { kind: 'exits' },
      output: ['Final counter: 300.\nFinished.\n'],
    },
    {
      name: 'example3',
      bookFile: 'Chapter16/example3.py',
      section: 'Scalability: the single-lock counter',
      timeoutSeconds: 40,
      outcome: { kind: 'exits' },
      output: [
        /^Number of threads: 1\nFinal counter: 100\.\nTime taken: {2}\d+\.\d{2} seconds\.\n-{40}$/m,
        /^Number of threads: 10\nFinal counter: 1000\.\nTime taken: {2}\d+\.\d{2} seconds\.\n-{40}$/m,
      ],
    },
    {
      name: 'example4',
      bookFile: 'Chapter16/example4.py',
      section: 'Scalability: approximate counters',
      timeoutSeconds: 60,
      outcome: { kind: 'exits' },
      output: [
        'Number of threads: 1\nFinal counter: 100.\n----------------------------------------\n',
        'Number of threads: 10\nFinal counter: 1000.\n----------------------------------------\n',
      ],
    },
    {
      name: 'example5',
      bookFile: 'Chapter16/example5.py',
      section: 'Mutex-free concurrent data structures: the network',
      timeoutSeconds: 10,
      outcome: { kind: 'exits' },
      // Thread 1's KeyError: 'A' on stderr is the lesson; it never prints the primary value.
      expectsException: true,
      output: [`${networkBlocks.full}${networkBlocks.final}`],
    },
    {
      name: 'example6',
      bookFile: 'Chapter16/example6.py',
      section: 'Mutex-free concurrent data structures: a snapshot reader',
      timeoutSeconds: 10,
      outcome: { kind: 'exits' },
      output: [`${networkBlocks.full}Current primary value: 1.\n${networkBlocks.final}`],
    },
  ],
});
