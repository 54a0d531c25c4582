import { defineChapter } from '@mc/runner';

export default defineChapter({
  chapter: 'chapter04',
  title: 'Using the with Statement in Threads',
  examples: [
    {
      name: 'example1',
      bookFile: 'Chapter04/example1.py',
      section: 'Starting from managing files',
      // Method 1 opens files until the descriptor limit refuses one: EMFILE is the lesson.
      timeoutSeconds: 60,
      outcome: { kind: 'fails', error: 'EMFILE' },
      // ... and method 2 then writes as many files, never more than one open.
      output: [
        /^Method 2 \(close\): \d+ files written, at most 1 open at once\.\nMethod 3 \(using\): \d+ files written, at most 1 open at once\.$/m,
      ],
    },
    {
      name: 'example2',
      bookFile: 'Chapter04/example2.py',
      section: 'Example of deadlock handling',
      // The book's default, get_data_from_file_v1: the bounded acquire reports the deadlock.
      timeoutSeconds: 15,
      outcome: { kind: 'fails', error: 'DeadlockDetected' },
      output: ['File could not be found...\n'],
    },
    {
      name: 'example2',
      bookFile: 'Chapter04/example2.py',
      section: 'Example of deadlock handling',
      // The book's commented-out line, get_data_from_file_v2: `with` releases the lock.
      args: ['--guarded'],
      timeoutSeconds: 10,
      outcome: { kind: 'exits' },
      output: ['File could not be found...\nLock can still be acquired.\n'],
    },
    {
      name: 'example2',
      bookFile: 'Chapter04/example2.py',
      section: 'Example of deadlock handling',
      // The book's unbounded acquire: blocked for ever, as in Python, until the limit stops it;
      // core names the deadlock on stderr meanwhile.
      args: ['--unbounded'],
      timeoutSeconds: 5,
      outcome: { kind: 'blocks' },
      output: ['File could not be found...\n'],
    },
  ],
});
