import { defineChapter, type OutputCheck } from '@mc/runner';

const orderedLines =
  'Thread A is starting...\n' +
  'Thread A waiting to acquire lock A.\n' +
  'Thread A has acquired lock A, performing some calculation...\n' +
  'Thread B is starting...\n' +
  'Thread B waiting to acquire lock A.\n' +
  'Thread A waiting to acquire lock B.\n' +
  'Thread A has acquired lock B, performing some calculation...\n' +
  'Thread A releasing both locks.\n' +
  'Thread B has acquired lock A, performing some calculation...\n' +
  'Thread B waiting to acquire lock B.\n' +
  'Thread B has acquired lock B, performing some calculation...\n' +
  'Thread B releasing both locks.\n';

/** Example7's thread `name`: its start and two calculations, in order, whatever came between. */
const threadLinesInOrder = (name: string): OutputCheck => ({
  name: `thread ${name}'s lines in order`,
  test: (stdout) =>
    stdout
      .split('\n')
      .filter((line) => line.startsWith(`Thread ${name} `))
      .join('\n') ===
    ['starting', 'performing some calculation', 'performing some calculation']
      .map((what) => `Thread ${name} is ${what}...`)
      .join('\n'),
});

/** Core's report of example3's freeze: all five philosophers in one wait-for cycle. */
const fiveForkCycle =
  /^Deadlock: Thread-1 holds forks\[0\] and waits for forks\[1\]; (Thread-[2-5] holds forks\[[1-4]\] and waits for forks\[[0-4]\](; |$)){4}/m;

export default defineChapter({
  chapter: 'chapter12',
  title: 'Deadlocks',
  examples: [
    {
      name: 'example1',
      bookFile: 'Chapter12/example1.py',
      section: 'The concept of deadlock: a simple example',
      // Deadlocked from t = 5 s, named on stderr about 0.5 to 1 s later; blocked until stopped.
      // The report's delay is not scaled (1.7 to 2 s after the start at time scale 0.1 here), so
      // neither is the limit: two threads waiting for ever without a cycle would fail.
      timeoutSeconds: 8,
      scaledLimit: false,
      outcome: { kind: 'blocks' },
      output: [
        'Thread A is starting...\n' +
          'Thread A waiting to acquire lock A.\n' +
          'Thread A has acquired lock A, performing some calculation...\n' +
          'Thread B is starting...\n' +
          'Thread B waiting to acquire lock B.\n' +
          'Thread B has acquired lock B, performing some calculation...\n' +
          'Thread A waiting to acquire lock B.\n' +
          'Thread B waiting to acquire lock A.\n',
        'Deadlock: Thread-1 holds lock_a and waits for lock_b; Thread-2 holds lock_b and waits for lock_a\n',
      ],
      // Seen in --trace: each thread, at the stop, waits for the lock the other holds.
      trace: [{ cycle: 'lock-wait' }],
    },
    {
      name: 'example2',
      bookFile: 'Chapter12/example2.py',
      section: 'Ranking of resources',
      timeoutSeconds: 30,
      outcome: { kind: 'exits' },
      output: [`${orderedLines}Finished.\n`],
    },
    {
      name: 'example3',
      bookFile: 'Chapter12/example3.py',
      section: 'The Dining Philosophers problem',
      // Philosophers eat, then all five hold their left fork: deadlocked, named, blocked. Frozen
      // and named after 1.5 to 2.6 s here at any time scale (their pauses are not the book's).
      // A freeze is near certain but a matter of chance: a run that has not frozen by its limit
      // is run again, once.
      timeoutSeconds: 6,
      scaledLimit: false,
      attempts: 2,
      outcome: { kind: 'blocks' },
      output: [
        /^Philosopher at <Thread\(Thread-[1-5], started \d+\)> is eating\.$/m,
        fiveForkCycle,
      ],
    },
    {
      name: 'example4',
      bookFile: 'Chapter12/example4.py',
      section: 'Ranking of resources',
      // Eats for ever: stopped by its limit, as long as example3's, by which example3 has frozen
      // and been named: philosophers taking their forks without the order would be too.
      timeoutSeconds: 6,
      scaledLimit: false,
      outcome: { kind: 'blocks' },
      // Every one of the five eats (threads run one after the other would feed Thread-1 alone).
      output: [1, 2, 3, 4, 5].map(
        (n) =>
          new RegExp(`^Philosopher at <Thread\\(Thread-${n}, started \\d+\\)> is eating\\.$`, 'm'),
      ),
      forbiddenOutput: ['Deadlock:'],
    },
    {
      name: 'example5',
      bookFile: 'Chapter12/example5.py',
      section: 'Ranking of resources',
      timeoutSeconds: 30,
      outcome: { kind: 'exits' },
      output: [orderedLines, /^Took \d+\.\d\d seconds\.\nFinished\.\n$/m],
    },
    {
      name: 'example6',
      bookFile: 'Chapter12/example6.py',
      section: 'Ranking of resources',
      timeoutSeconds: 30,
      outcome: { kind: 'exits' },
      output: [
        'Thread A is starting...\n' +
          'Thread A waiting to acquire lock A.\n' +
          'Thread A has acquired lock A, performing some calculation...\n' +
          'Thread A waiting to acquire lock B.\n' +
          'Thread A has acquired lock B, performing some calculation...\n' +
          'Thread A releasing both locks.\n' +
          'Thread B is starting...\n',
        /^Took \d+\.\d\d seconds\.\nFinished\.\n$/m,
      ],
    },
    {
      name: 'example7',
      bookFile: 'Chapter12/example7.py',
      section: 'Ranking of resources',
      timeoutSeconds: 20,
      outcome: { kind: 'exits' },
      // The book's interleaving (A, A, B, B, A, B) holds only while B starts within A's first
      // sleep: a stalled process (a loaded machine, or 300 ms made on purpose after `start()`'s
      // timer at time scale 0.1) prints A's second line before B's first. What is certain: each
      // thread's lines in order, and the lesson, judged on every run from core's sleep events:
      // with no lock the two threads sleep at the same time. Joined in turn (example6), never.
      output: ['Thread A is starting...\n', /^Took \d+\.\d\d seconds\.\nFinished\.\n$/m],
      checks: [
        threadLinesInOrder('A'),
        threadLinesInOrder('B'),
        { name: 'threads A and B asleep at once', events: { overlap: 'sleep', lanes: 2 } },
      ],
    },
    {
      name: 'example8',
      bookFile: 'Chapter12/example8.py',
      section: 'The concept of livelock',
      // Busy for ever, nobody eats: stopped by its limit.
      timeoutSeconds: 3,
      outcome: { kind: 'blocks' },
      output: [
        'Wife is waiting for their partner to eat first...\n',
        'Husband is waiting for their partner to eat first...\n',
      ],
    },
  ],
  comparisons: [
    {
      // Ordered locks serialise the work as much as running it in turn; without locks it overlaps.
      title: 'Chapter 12: ordered locks against sequential and no locks',
      examples: ['example5', 'example6', 'example7'],
      bookSeconds: [14.0, 14.01, 10.0],
    },
  ],
});
