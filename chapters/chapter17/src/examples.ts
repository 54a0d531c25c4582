import { defineChapter } from '@mc/runner';

export default defineChapter({
  chapter: 'chapter17',
  title: 'Memory Model and Operations on Atomic Types',
  examples: [
    {
      name: 'example1',
      bookFile: 'Chapter17/example1.py',
      section: 'Atomic and nonatomic operations: n += 1',
      timeoutSeconds: 15,
      outcome: { kind: 'exits' },
      // The race's result varies from run to run: only the lines' shape is certain.
      output: [/^Final value: \d+\.\nFinished\.\n$/m],
    },
    {
      name: 'example1',
      bookFile: 'Chapter17/example1.py',
      section: 'Atomic and nonatomic operations: n += 1 with Atomics.add',
      args: ['--increment', 'atomic'],
      timeoutSeconds: 15,
      outcome: { kind: 'exits' },
      output: ['Final value: 1000000.\nFinished.\n'],
    },
    {
      name: 'example1_tasks',
      bookFile: 'addition beside Chapter17/example1.py',
      section: 'Atomic and nonatomic operations: n += 1 among event-loop tasks',
      timeoutSeconds: 10,
      outcome: { kind: 'exits' },
      output: ['Final value: 1000.\nFinished.\n'],
    },
    {
      name: 'example2',
      bookFile: 'Chapter17/example2.py',
      section: 'Atomic and nonatomic operations: list.append',
      timeoutSeconds: 15,
      outcome: { kind: 'exits' },
      output: ['Final list length: 1000000.\nFinished.\n'],
    },
  ],
});
