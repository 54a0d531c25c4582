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
      // The race's result varies from run to run, but it loses updates: any value but the
      // 1,000,000 increments made (Atomics.add, declared below, makes exactly that). A run that
      // lost none (not seen here, even on one CPU) is run again, at most twice.
      output: [/^Final value: (?!1000000\.)\d+\.\nFinished\.\n$/m],
      attempts: 3,
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
