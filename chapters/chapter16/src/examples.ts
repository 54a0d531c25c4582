import { defineChapter, type TimingSeries } from '@mc/runner';

/** example3's blocks (and its Python twin's): `Number of threads: N`, then `Time taken:  S seconds.` */
const threadBlock =
  /^Number of threads: (\d+)\nFinal counter: \d+\.\nTime taken: +([\d.]+) seconds\./gm;

/** example3's times for the runner's chart: the single-lock counter's seconds for each thread count. */
export function parseSingleCounter(stdout: string): TimingSeries[] {
  const times = [...stdout.matchAll(threadBlock)].map(([, threads, seconds]) => ({
    workers: Number(threads),
    seconds: Number(seconds),
  }));
  return [{ label: 'Single counter', times }];
}

/** example4's closing lines (an addition: the book only plots them): both counters' times for 1, 2, ... threads. */
export function parseBothCounters(stdout: string): TimingSeries[] {
  return ['Single counter', 'Approximate counter'].map((label) => {
    const line = new RegExp(`^${label} times: ([\\d., ]+) seconds\\.$`, 'm').exec(stdout);
    const times = (line?.[1] ?? '')
      .split(', ')
      .filter((text) => text !== '')
      .map((text, index) => ({ workers: index + 1, seconds: Number(text) }));
    return { label, times };
  });
}

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
      // Judged on every run from core's task events: the pools' threads (Python's names,
      // ThreadPoolExecutor-N_M) had increments under way at the same moment, queued on the one
      // lock. A pool of one takes as long (the lock serialises anyway) and prints the same lines.
      checks: [
        {
          name: 'two pool threads with an increment under way at once',
          events: { overlap: 'task', lanes: 2, named: /^ThreadPoolExecutor-/ },
        },
      ],
      analysis: {
        kind: 'times',
        title: 'Chapter 16, example3: the single-lock counter, time against threads',
        // The Python twin prints the same blocks: its curve is drawn beside.
        parse: parseSingleCounter,
      },
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
        /^Single counter times: (\d+\.\d\d, ){9}\d+\.\d\d seconds\.\nApproximate counter times: (\d+\.\d\d, ){9}\d+\.\d\d seconds\.$/m,
      ],
      analysis: {
        kind: 'times',
        title: 'Chapter 16, example4: single lock against approximate counters',
        // The Python twin only plots these (a window, or nothing headless): Node's curves alone.
        parse: parseBothCounters,
      },
    },
    {
      name: 'example5',
      bookFile: 'Chapter16/example5.py',
      section: 'Mutex-free concurrent data structures: the network',
      timeoutSeconds: 10,
      outcome: { kind: 'exits' },
      // Thread 1's KeyError: 'A' on stderr is the lesson; it never prints the primary value.
      // The race needs thread 2 to start within thread 1's 1 s wait (100 ms at --time-scale 0.1):
      // a process stalled longer there by a loaded machine (300 ms made on purpose right after
      // `start()`'s timer) reads the value before A is deleted and prints it. Such a run is run
      // again, 3 runs in all at most, and the outcome says so; a reader made safe never passes.
      expectsException: true,
      output: [`${networkBlocks.full}${networkBlocks.final}`],
      attempts: 3,
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
