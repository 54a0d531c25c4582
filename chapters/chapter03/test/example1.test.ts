import { fileURLToPath } from 'node:url';
import { exampleRunner } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { countdown } from './countdown.js';

// B starts while A sleeps (await start() lets A run until it first blocks, as Python's start()),
// normally in A's first sleep. A loaded machine may stall the loop past that 50 ms sleep: A's timer
// then fires in the same turn as the one start() waits for, and A prints its 5 before B starts.
// A is then one step ahead, never more (their sleeps of the same length fire in the order they
// were set), so the test asserts the overlap, not the exact interleaving.
const runExample = exampleRunner(import.meta.url, { timeScale: 0.1, limitSeconds: 20 });

const stall = fileURLToPath(new URL('fixtures/stall-after-start.mjs', import.meta.url));

describe('example1.py', () => {
  it.each([
    ['', {}],
    [", also with the loop stalled past A's first sleep", { NODE_OPTIONS: `--import ${stall}` }],
  ])('interleaves the countdowns of A and B%s', async (_, env) => {
    const run = await runExample('example1', { env });
    expect(run.code).toBe(0);
    const at = (line: string) => run.lines.indexOf(line);
    expect(run.lines[0]).toBe('Starting thread A.');
    // B starts while A counts down, and counts while A still does: the two threads run
    // concurrently (one after the other, every line of A would come first).
    expect(at('Starting thread B.')).toBeLessThan(at('Thread A counting down: 4...'));
    expect(at('Thread B counting down: 5...')).toBeLessThan(at('Thread A counting down: 3...'));
    expect(at('Thread A counting down: 5...')).toBeLessThan(at('Thread B counting down: 4...'));
    expect(run.lines.filter((line) => line.startsWith('Thread A'))).toEqual(countdown('A'));
    expect(run.lines.filter((line) => line.startsWith('Thread B'))).toEqual(countdown('B'));
    expect(run.lines).toHaveLength(15);
    expect(run.lines.at(-1)).toBe('Finished.');
  });
});
