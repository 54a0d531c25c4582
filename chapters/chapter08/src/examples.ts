import { defineChapter, type TimingSeries } from '@mc/runner';

/** example5's and example6's timing lines: `Took 0.1234 seconds with N process(es).` */
export function parseTimings(stdout: string): TimingSeries[] {
  const times = [...stdout.matchAll(/^Took (\d+\.\d+) seconds with (\d+) process\(es\)\.$/gm)].map(
    ([, seconds, workers]) => ({ workers: Number(workers), seconds: Number(seconds) }),
  );
  return [{ label: 'Took', times }];
}

/**
 * Under the runner's `--python`, the book's originals read the book's photographs, which its code
 * repository does not hold; bench/side-by-side.mjs runs them on this chapter's images instead.
 */
const original = {
  skip: "needs the book's photographs, not in its repository (bench/side-by-side.mjs runs it on this chapter's images)",
};

const timingLines = /^(?:Took \d+\.\d{4} seconds with [1-6] process\(es\)\.\n){6}Done\.\n$/m;

export default defineChapter({
  chapter: 'chapter08',
  title: 'Concurrent Image Processing',
  examples: [
    {
      name: 'example1',
      bookFile: 'Chapter08/example1.py',
      python: original,
      section: 'OpenCV API',
      timeoutSeconds: 20,
      outcome: { kind: 'exits' },
      output: [
        /^\[\[\[/m,
        'Shape: (1118, 1577, 3)\n',
        /^Top-left pixel: \[ ?\d+ +\d+ +\d+\]$/m,
        /^Done\.\n$/m,
      ],
    },
    {
      name: 'example2',
      bookFile: 'Chapter08/example2.py',
      python: original,
      section: 'Image processing techniques: grayscaling',
      timeoutSeconds: 20,
      outcome: { kind: 'exits' },
      output: ["Window 'Grayscale': ", 'Shape: (1118, 1577)\n', /^Done\.\n$/m],
    },
    {
      name: 'example3',
      bookFile: 'Chapter08/example3.py',
      python: original,
      section: 'Image processing techniques: thresholding',
      timeoutSeconds: 20,
      outcome: { kind: 'exits' },
      output: [/^Done\.\n$/],
    },
    {
      name: 'example4',
      bookFile: 'Chapter08/example4.py',
      python: original,
      section: 'Image processing techniques: thresholding',
      timeoutSeconds: 20,
      outcome: { kind: 'exits' },
      output: [/^Done\.\n$/],
    },
    {
      name: 'generate_input',
      bookFile: 'Chapter08/generate_input.py',
      python: original,
      section: 'Applying concurrency to image processing',
      timeoutSeconds: 30,
      outcome: { kind: 'exits' },
      output: [/^Done\.\n$/],
    },
    {
      name: 'example5',
      bookFile: 'Chapter08/example5.py',
      python: original,
      section: 'Applying concurrency to image processing',
      timeoutSeconds: 90,
      outcome: { kind: 'exits' },
      output: [timingLines],
      analysis: {
        kind: 'speedup',
        title: 'Chapter 8: example5, pixels sent to a pool of processes',
        parse: parseTimings,
        // The book's times for 1 to 6 processes.
        bookSeconds: [0.659, 0.319, 0.3227, 0.336, 0.3338, 0.3319],
      },
    },
    {
      name: 'example6',
      bookFile: 'Chapter08/example6.py',
      python: original,
      section: 'Good concurrent image processing practices: processing input/output concurrently',
      timeoutSeconds: 90,
      outcome: { kind: 'exits' },
      output: [timingLines],
      analysis: {
        kind: 'speedup',
        title: 'Chapter 8: example6, names sent to a pool of processes',
        parse: parseTimings,
      },
    },
    {
      name: 'example7',
      bookFile: 'Chapter08/example7.py',
      python: original,
      section: 'Good concurrent image processing practices: choosing the correct way (out of many)',
      timeoutSeconds: 30,
      outcome: { kind: 'exits' },
      output: [/^Window '0 face\(s\) found': .*\nWindow '1 face\(s\) found': .*\nDone\.\n$/m],
    },
  ],
});
