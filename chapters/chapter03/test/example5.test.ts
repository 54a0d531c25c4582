import { Queue } from '@mc/core/queue';
import { captureLines } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { MyThread } from '../src/example5.js';
import { runExample } from './run.js';

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

/** Drains a queue of 1, 10, 4, 3 with one worker per name, as example5 does with A, B, C. */
async function drain(names: string[]): Promise<void> {
  const queue = new Queue<number>();
  for (const x of [1, 10, 4, 3]) await queue.put(x);
  const threads = names.map((name) => new MyThread(name, queue));
  for (const thread of threads) thread.start();
  for (const thread of threads) await thread.join();
}

describe('example5.py', () => {
  it('drains 1, 10, 4, 3 in order with three workers that each start and exit, then Done.', async () => {
    const run = await runExample('example5');
    expect(run.code).toBe(0);
    expect(run.lines.slice(0, 3)).toEqual([
      'Starting thread A.',
      'Starting thread B.',
      'Starting thread C.',
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

  it('shares the work: three workers drain the queue in about half the time one worker takes', async () => {
    const three = await captureLines(() => drain(['A', 'B', 'C']), { timeScale: '0.04' });
    const one = await captureLines(() => drain(['A']), { timeScale: '0.04' });
    expect(three.lines.filter((line) => line.startsWith('Positive'))).toHaveLength(4);
    // One worker pauses after each of 4 items; three pause twice, side by side.
    expect(one.seconds / three.seconds).toBeGreaterThan(1.5);
  });
});
