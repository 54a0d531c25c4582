import { defineChapter, type OutputCheck } from '@mc/runner';

const creatingThreads = 'Creating a new thread in Python';

/** The lines thread `name` prints counting down from 5, one string. */
const countdown = (name: string): string =>
  [5, 4, 3, 2, 1].map((n) => `Thread ${name} counting down: ${n}...`).join('\n');

/** Thread `name`'s own lines, in order, whatever the other thread printed between them. */
const threadInOrder = (name: string): OutputCheck => ({
  name: `thread ${name}'s lines in order`,
  test: (stdout) =>
    stdout
      .split('\n')
      .filter((line) => line.includes(`hread ${name} `) || line.endsWith(`hread ${name}.`))
      .join('\n') === `Starting thread ${name}.\n${countdown(name)}\nFinished thread ${name}.`,
});

/** The five verdicts of the book's numbers, in the book's order. */
const verdicts = [
  '2 is a prime number.',
  '193 is a prime number.',
  '323 is not a prime number.',
  '1327 is a prime number.',
  '433785907 is a prime number.',
];

export default defineChapter({
  chapter: 'chapter03',
  title: 'Working with Threads in Python',
  examples: [
    {
      name: 'my_thread',
      bookFile: 'Chapter03/my_thread.py',
      section: 'An example in Python',
      timeoutSeconds: 10,
      outcome: { kind: 'exits' },
      // The book's my_thread.py is the module example1 imports: run alone, it prints nothing.
      output: [/^$/],
    },
    {
      name: 'example1',
      bookFile: 'Chapter03/example1.py',
      section: 'An example in Python',
      timeoutSeconds: 15,
      outcome: { kind: 'exits' },
      // The two countdowns interleave, but how is up to the clock: a stalled event loop lets A's
      // first sleep end before B has started (`Starting thread B.` after A's `5...`). What is
      // certain is each thread's own lines, in order, and the lesson itself, judged from core's
      // sleep events on every run: A and B sleep at the same time. Joined one after the other,
      // they print the same lines and never do.
      output: ['Starting thread A.', 'Starting thread B.', /\nFinished\.\n$/],
      checks: [
        threadInOrder('A'),
        threadInOrder('B'),
        { name: 'threads A and B asleep at once', events: { overlap: 'sleep', lanes: 2 } },
      ],
      // The lesson, seen in --trace: the two threads sleep at the same time.
      trace: [{ overlap: 'sleep', lanes: 2 }],
    },
    {
      name: 'example2',
      bookFile: 'Chapter03/example2.py',
      section: `${creatingThreads}: starting a thread with the thread module`,
      stdin: { text: '\n', afterOutput: 'Type something to quit' },
      timeoutSeconds: 15,
      outcome: { kind: 'exits' },
      output: [`Type something to quit: \n${verdicts.join('\n')}\nFinished.\n`],
    },
    {
      name: 'example3',
      bookFile: 'Chapter03/example3.py',
      section: `${creatingThreads}: starting a thread with the threading module`,
      timeoutSeconds: 10,
      outcome: { kind: 'exits' },
      output: [
        `${[2, 193, 323, 1327, 433785907]
          .map((n, i) => `Starting processing ${n}...\n${verdicts[i]}`)
          .join('\n')}\nFinished.\n`,
      ],
    },
    {
      name: 'example4',
      bookFile: 'Chapter03/example4.py',
      section: 'Synchronizing threads: the threading.Lock class',
      timeoutSeconds: 20,
      outcome: { kind: 'exits' },
      // The shared lock serialises the countdowns: all of A's, then all of B's.
      output: [
        `Starting thread A.\nStarting thread B.\n${countdown('A')}\nFinished thread A.\n${countdown('B')}\nFinished thread B.\nFinished.\n`,
      ],
    },
    {
      name: 'example5',
      bookFile: 'Chapter03/example5.py',
      section: 'Queuing in concurrent programming',
      timeoutSeconds: 15,
      outcome: { kind: 'exits' },
      // Each worker takes its item as it starts, since start() runs it until it first blocks (as
      // Python's); which one takes the 3, and the order they exit in, vary.
      output: [
        [
          'Starting thread A.',
          'Positive factors of 1 are: 1 ',
          '_'.repeat(20),
          'Starting thread B.',
          'Positive factors of 10 are: 1 2 5 10 ',
          '_'.repeat(20),
          'Starting thread C.',
          'Positive factors of 4 are: 1 2 4 \n',
        ].join('\n'),
        'Positive factors of 3 are: 1 3 \n',
        'Exiting thread A.',
        'Exiting thread B.',
        'Exiting thread C.',
        /\nDone\.\n$/,
      ],
    },
  ],
});
