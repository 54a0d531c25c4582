import { exampleRunner } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { countdown } from './countdown.js';

// B starts while A sleeps (await start() lets A run until it first blocks, as Python's start()):
// 50 ms per countdown step keeps B's start, a few loop turns, well inside A's first sleep.
const runExample = exampleRunner(import.meta.url, { timeScale: 0.1, limitSeconds: 20 });

describe('example1.py', () => {
  it('interleaves the countdowns of A and B', async () => {
    const run = await runExample('example1');
    expect(run.code).toBe(0);
    const at = (line: string) => run.lines.indexOf(line);
    // B counts its 5 while A sleeps before its 4: the two threads run concurrently.
    expect(at('Thread B counting down: 5...')).toBeLessThan(at('Thread A counting down: 4...'));
    expect(at('Thread A counting down: 5...')).toBeLessThan(at('Thread B counting down: 4...'));
    expect(run.lines.slice(0, 2)).toEqual(['Starting thread A.', 'Starting thread B.']);
    expect(run.lines.filter((line) => line.startsWith('Thread A'))).toEqual(countdown('A'));
    expect(run.lines.filter((line) => line.startsWith('Thread B'))).toEqual(countdown('B'));
    expect(run.lines).toHaveLength(15);
    expect(run.lines.at(-1)).toBe('Finished.');
  });
});
