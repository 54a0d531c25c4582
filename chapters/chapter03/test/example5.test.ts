import { Queue } from '@mc/core/queue';
import { currentThread } from '@mc/core/threading';
import { captureLines, exampleRunner, interceptPrinted } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { MyThread } from '../src/example5.js';

// Each worker starts while the one before pauses after its item (await start() lets it run until
// it first blocks, as Python's start()): a 100 ms pause normally keeps a start, a few loop turns,
// inside it. A loaded machine may stall the process longer: the worker before then takes one more
// item before the next starts (one at most per start: the next starts in the same turn of the
// loop as the pause ends). The tests assert what survives that.
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
 * returns the worker that printed each item, in print order.
 */
async function drain(names: string[]): Promise<string[]> {
  const queue = new Queue<number>();
  for (const x of [1, 10, 4, 3]) await queue.put(x);
  const threads = names.map((name) => new MyThread(name, queue));
  const workers: string[] = [];
  const stopCapture = interceptPrinted((line) => {
    if (line.startsWith('Positive')) workers.push(currentThread().name);
  });
  try {
    for (const thread of threads) await thread.start();
    for (const thread of threads) await thread.join();
  } finally {
    stopCapture();
  }
  return workers;
}

describe('example5.py', () => {
  it('drains 1, 10, 4, 3 in order with three workers that each start and exit, then Done.', async () => {
    const run = await runExample('example5');
    expect(run.code).toBe(0);
    // Each start() lets its thread run until it first blocks, as Python's: it takes an item first.
    expect(run.lines.slice(0, 3)).toEqual(['Starting thread A.', ...factorLines.slice(0, 2)]);
    for (const name of ['A', 'B', 'C']) {
      const started = run.lines.indexOf(`Starting thread ${name}.`);
      expect(run.lines[started + 1]).toMatch(/^Positive factors of /);
    }
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
    const three = await captureLines(() => drain(['A', 'B', 'C']), { timeScale: '0.1' });
    const one = await captureLines(() => drain(['A']), { timeScale: '0.1' });
    expect(one.value).toEqual(['A', 'A', 'A', 'A']);
    // Normally A, B, C, then A again after its pause. B starts, at the latest, in the turn of the
    // loop in which A's pause ends, with items left: it takes one, whatever the load.
    expect(three.value).toHaveLength(4);
    expect(three.value[0]).toBe('A');
    expect(three.value).toContain('B');
  });
});
