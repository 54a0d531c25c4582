import { defineChapter, type EventCheck } from '@mc/runner';

/**
 * Judged on every run from core's thread events (the runner records only those): two threads were
 * under way at the same moment, one holding `count_lock` while the others waited for it. Threads
 * run one after the other (each joined before the next starts) print the same lines and fail it.
 */
const threadsAtOnce: EventCheck = {
  name: 'two threads under way at once',
  events: { overlap: 'task', lanes: 2, named: /^Thread-/ },
};

export default defineChapter({
  chapter: 'chapter14',
  title: 'Race Conditions',
  examples: [
    {
      name: 'example1',
      bookFile: 'Chapter14/example1.py',
      section: 'Simulating a race condition in Python',
      timeoutSeconds: 10,
      outcome: { kind: 'exits' },
      // Updates are lost: any count but the 20 increments made. A run loses none only when no
      // thread, or only the last, pauses (2 chances in 2^20), and is then run again, at most twice.
      output: [/^Final counter: (?!20\.)\d+\.\nFinished\.\n$/m],
      attempts: 3,
    },
    {
      name: 'example2',
      bookFile: 'Chapter14/example2.py',
      section: 'Locks as a solution to race conditions',
      timeoutSeconds: 40,
      outcome: { kind: 'exits' },
      output: ['Final counter: 20.\nFinished.\n'],
      checks: [threadsAtOnce],
    },
    {
      name: 'example3',
      bookFile: 'Chapter14/example3.py',
      section: 'Turning a concurrent program sequential',
      timeoutSeconds: 40,
      outcome: { kind: 'exits' },
      output: [
        /^--Sequential version--\nFinal counter: 20\.\nTook {2}\d+\.\d\d seconds\.\n--Concurrent version--\nFinal counter: 20\.\nTook {2}\d+\.\d\d seconds\.\nFinished\.\n$/,
      ],
      // The concurrent version's threads (the sequential one has none).
      checks: [threadsAtOnce],
    },
  ],
});
