import { defineChapter } from '@mc/runner';

export default defineChapter({
  chapter: 'chapter19',
  title: 'Testing, Debugging, and Scheduling Concurrent Applications',
  examples: [
    // The schedulers run until Ctrl-C, as the book's do: the runner stops them at their limit
    // (SIGTERM, which they take as Ctrl-C: the scheduler shuts down and the program exits 0).
    {
      name: 'example1',
      bookFile: 'Chapter19/example1.py',
      section: 'APScheduler: a blocking scheduler',
      timeoutSeconds: 10,
      outcome: { kind: 'blocks' },
      output: [/^Tick! The time is: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{6})?$/m],
    },
    {
      name: 'example2',
      bookFile: 'Chapter19/example2.py',
      section: 'APScheduler: a background scheduler',
      timeoutSeconds: 10,
      outcome: { kind: 'blocks' },
      output: [
        /^Printing in the main thread\.\nTick! The time is: /,
        /^Tick! The time is: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{6})?$/m,
      ],
    },
    {
      name: 'example3',
      bookFile: 'Chapter19/example3.py',
      section: 'APScheduler: jobs in a process pool',
      timeoutSeconds: 12,
      // The first run waits for the pool's 10 processes to boot, which does not scale: at
      // --time-scale 0.1 on the loaded 2-core machine (load average 41 to 46) its first line came
      // 10 s after the start, where the scaled limit would have been 2 s. So 12 s at every scale.
      scaledLimit: false,
      outcome: { kind: 'blocks' },
      output: [
        /^From process (\d+): The time is [\d-]+ [\d:.]+\nStarting job inside \1$/m,
        /^Ending job inside \d+$/m,
      ],
    },
    {
      name: 'example4',
      bookFile: 'Chapter19/example4.py',
      section: 'APScheduler: a clock process',
      // The interval job's first run is 3 minutes after the start, at the book's timings.
      timeoutSeconds: 190,
      outcome: { kind: 'blocks' },
      output: ['This job is run every three minutes.\n'],
    },
    {
      name: 'example5',
      bookFile: 'Chapter19/example5.py',
      section: 'Unit testing',
      timeoutSeconds: 15,
      outcome: { kind: 'exits' },
      output: [/^\.\.\n-{70}\nRan 2 tests in \d+\.\d{3}s\n\nOK\n$/],
    },
    {
      name: 'example6',
      bookFile: 'Chapter19/example6.py',
      section: 'Concurrent testing',
      timeoutSeconds: 60,
      outcome: { kind: 'exits' },
      output: [/^\.{4}\n-{70}\nRan 4 tests in \d+\.\d{3}s\n\nOK\n$/],
    },
    {
      name: 'example7',
      bookFile: 'Chapter19/example7.py',
      section: 'Concurrent testing',
      timeoutSeconds: 60,
      outcome: { kind: 'exits' },
      output: [/^\.{4}\n-{70}\nRan 4 tests in \d+\.\d{3}s\n\nOK\n$/],
      python: {
        skip: 'needs concurrencytest (with python-subunit and testtools), which Debian does not package',
      },
    },
  ],
});
