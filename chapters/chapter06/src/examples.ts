import { defineChapter } from '@mc/runner';

export default defineChapter({
  chapter: 'chapter06',
  title: 'Working with Processes in Python',
  examples: [
    {
      name: 'example1',
      bookFile: 'Chapter06/example1.py',
      section: 'The Process class',
      timeoutSeconds: 15,
      outcome: { kind: 'exits' },
      output: [/^Process A starting\.\.\.$/m, /^Process B exiting\.\.\.$/m, /^Done\.\n$/m],
    },
    {
      name: 'example2',
      bookFile: 'Chapter06/example2.py',
      section: 'Determining the current process: process names',
      timeoutSeconds: 15,
      outcome: { kind: 'exits' },
      output: [/^Starting process Process-3\.\.\.$/m, /^Exiting process Worker 2\.\.\.$/m],
    },
    {
      name: 'example3',
      bookFile: 'Chapter06/example3.py',
      section: 'Determining the current process: process IDs',
      timeoutSeconds: 10,
      outcome: { kind: 'exits' },
      output: [
        // f runs in a child of the main program: its parent is the main program's process, and
        // its own ID is another (a process that were really a thread would print the same).
        /^Main program\nParent process ID: \d+\.\nCurrent Process ID: (\d+)\.\n\nFunction f\nParent process ID: \1\.\nCurrent Process ID: (?!\1\.)\d+\.$/m,
        /^Done\.\n$/m,
      ],
      // Seen in --trace: a real child process, its own pid, started and exited.
      trace: [{ processes: 1 }],
    },
    {
      name: 'example4',
      bookFile: 'Chapter06/example4.py',
      section: 'Waiting for processes: daemon processes',
      timeoutSeconds: 15,
      outcome: { kind: 'exits' },
      // The daemon Worker 1 is killed when the program ends: it never prints its exit line.
      output: [
        /^Starting process Worker 2, ID \d+\.\.\.\nExiting process Worker 2, ID \d+\.\.\.\n$/m,
      ],
    },
    {
      name: 'example5',
      bookFile: 'Chapter06/example5.py',
      section: 'Waiting for processes: join with a timeout',
      timeoutSeconds: 15,
      // The daemon's last second of sleep is the margin by which the program ends first; a child's
      // start and exit reach the parent tens to hundreds of milliseconds late on a loaded machine,
      // and do not scale. At 0.1 that second is 100 ms, and Worker 1 printed its exit line in 2 of
      // 4 runs at load average 25; at 0.5 it is 500 ms.
      minTimeScale: 0.5,
      outcome: { kind: 'exits' },
      // The daemon Worker 1 outlives the 1 s join and is killed at the end: no exit line of its own.
      output: [
        /^Starting process Worker 1, ID \d+\.\.\.\nStarting process Worker 2, ID \d+\.\.\.\nWhether Worker 1 is still alive: True\nExiting process Worker 2, ID \d+\.\.\.\n$/,
      ],
    },
    {
      name: 'example6',
      bookFile: 'Chapter06/example6.py',
      section: 'Interprocess communication: message passing for a single worker',
      timeoutSeconds: 10,
      outcome: { kind: 'exits' },
      output: ['Starting process Process-1 for number 10...\nDone.\n'],
    },
    {
      name: 'example7',
      bookFile: 'Chapter06/example7.py',
      section: 'Message passing between several workers',
      timeoutSeconds: 10,
      outcome: { kind: 'exits' },
      output: [/^Spawning 2 consumers\.\.\.$/m, /^Result: 433785907 is a prime number\.$/m],
    },
    {
      name: 'example8',
      bookFile: 'Chapter06/example8.py',
      section: 'Message passing between several workers: poison pills',
      timeoutSeconds: 10,
      outcome: { kind: 'exits' },
      output: [
        /^Spawning 2 consumers\.\.\.$/m,
        /^Exiting Consumer-1\.\.\.$/m,
        /^Result: 433785907 is a prime number\.$/m,
      ],
    },
  ],
});
