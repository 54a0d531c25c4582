import { availableParallelism } from 'node:os';
import { defineChapter, type TimingSeries } from '@mc/runner';

/** One worker count's three lines, as example1 prints them (the book's format, 4 decimals). */
const workerGroup =
  /Number of workers: (\d+)\.\s*\n\s*Sub took: ([\d.]+) seconds\.\s*\n\s*Took: ([\d.]+) seconds\./g;

/**
 * example1's timings for the runner's speedup chart: `Took` (the pool's whole life, drawn and
 * fitted) and `Sub took` (collecting the results only), one time per worker count.
 */
export function parseTimings(stdout: string): TimingSeries[] {
  const groups = [...stdout.matchAll(workerGroup)].map(([, workers, sub, took]) => ({
    workers: Number(workers),
    sub: Number(sub),
    took: Number(took),
  }));
  return [
    { label: 'Took', times: groups.map(({ workers, took }) => ({ workers, seconds: took })) },
    { label: 'Sub took', times: groups.map(({ workers, sub }) => ({ workers, seconds: sub })) },
  ];
}

export default defineChapter({
  chapter: 'chapter02',
  title: "Amdahl's Law",
  examples: [
    {
      name: 'example1',
      bookFile: 'Chapter02/example1.py',
      section: 'How to simulate in Python',
      timeoutSeconds: 60,
      outcome: { kind: 'exits' },
      // One group per worker count from 1; at least the one-worker group on any machine.
      output: [
        /^Number of workers: 1\.\nSub took: \d+\.\d{4} seconds\.\nTook: \d+\.\d{4} seconds\.\n_{20}$/m,
      ],
      // Judged on every run from core's task events: in a pool of 2 or more, two workers each had
      // a task under way at the same moment (a pool of one never does). One core: one group only.
      checks:
        availableParallelism() > 1
          ? [
              {
                name: 'two pool workers with a task under way at once',
                events: { overlap: 'task', lanes: 2, across: 'isolates', named: /^PoolWorker-/ },
              },
            ]
          : [],
      analysis: {
        kind: 'speedup',
        title: 'Chapter 2: speedup against workers',
        parse: parseTimings,
        // The book's `Took` for 1 to 8 workers, on the author's 8-core machine.
        bookSeconds: [10.49, 5.56, 4.13, 3.48, 3.41, 3.04, 3.16, 3.57],
      },
    },
  ],
});
