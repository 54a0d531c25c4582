import { Queue } from '@mc/core/queue';
import { captureLines, exampleRunner, interceptPrinted } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { MyThread } from '../src/example5.js';

// Each worker starts while the one before pauses after its item (await start() lets it run until
// it first blocks, as Python's start()): a 100 ms pause keeps a start, a few loop turns, inside it.
const runExample = exampleRunner(import.meta.url, { timeScale: 0.1, limitSeconds: 20 });

const factorLines = [
  'Positive factors of 1 are: 1 ',
  '____________________',
  'Positive factors of 10 are: 1 2 5 10 ',
  '____________________',
  'Positive factors of 4 are: 1 2 4 ',
  '____________________',
  'Positive factors of 3 are: 1 3 ',
  '____________________',
];

/**
 * Drains a queue of 1, 10, 4, 3 with one worker per name, as example5 does with A, B, C, and
 * returns how many items had been printed once every worker had started (each runs until it
 * first blocks), before any worker's 1 s pause could end, and how many in all.
 */
async function drain(names: string[]): Promise<{ beforeAnyPause: number; positives: number }> {
  const queue = new Queue<number>();
  for (const x of [1, 10, 4, 3]) await queue.put(x);
  const threads = names.map((name) => new MyThread(name, queue));
  let printed = 0;
  const stopCapture = interceptPrinted((line) => {
    if (line.startsWith('Positive')) printed += 1;
  });
  let beforeAnyPause = 0;
  try {
    for (const thread of threads) await thread.start();
    beforeAnyPause = printed;
    for (const thread of threads) await thread.join();
  } finally {
    stopCapture();
  }
  return { beforeAnyPause, positives: printed };
}

describe('example5.py', () => {
  it('drains 1, 10, 4, 3 in order with three workers that each start and exit, then Done.', async () => {
    const run = await runExample('example5');
    expect(run.code).toBe(0);
    // Each start() lets its thread run until it first blocks, as Python's: it takes its item first.
    expect(run.lines.slice(0, 9)).toEqual([
      'Starting thread A.',
      ...factorLines.slice(0, 2),
      'Starting thread B.',
      ...factorLines.slice(2, 4),
      'Starting thread C.',
      ...factorLines.slice(4, 6),
    ]);
    expect(run.lines.filter((line) => line.startsWith('Positive') || line.startsWith('_'))).toEqual(
      factorLines,
    );
    const exits = run.lines.filter((line) => line.startsWith('Exiting thread'));
    expect(exits.sort()).toEqual(['Exiting thread A.', 'Exiting thread B.', 'Exiting thread C.']);
    expect(run.lines.indexOf('Exiting thread A.')).toBeGreaterThan(
      run.lines.indexOf(factorLines.at(-2) as string),
    );
    expect(run.lines).toHaveLength(3 + factorLines.length + 3 + 1);
    expect(run.lines.at(-1)).toBe('Done.');
  });

  it('shares the work: while one worker pauses after an item, the others take the next ones', async () => {
    // A pause lasts 100 ms here, far longer than one turn of the event loop, even under load.
    const three = await captureLines(() => drain(['A', 'B', 'C']), { timeScale: '0.1' });
    const one = await captureLines(() => drain(['A']), { timeScale: '0.1' });
    expect(three.value).toEqual({ beforeAnyPause: 3, positives: 4 });
    expect(one.value).toEqual({ beforeAnyPause: 1, positives: 4 });
  });
});
