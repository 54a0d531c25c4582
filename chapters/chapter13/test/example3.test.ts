import { exampleRunner } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { main } from '../src/example3.js';
import { countTurns } from './turns.js';

const runExample = exampleRunner(import.meta.url, {});

describe('example3.py', () => {
  it('serves everybody through the turnstile: all five threads get their turns', async () => {
    const { lines, turns, reads, writes } = await countTurns(main);
    expect(reads.size).toBe(3);
    expect(writes.size).toBe(2);
    const counts = [...reads.values(), ...writes.values()];
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    for (const count of counts) expect(count).toBeGreaterThanOrEqual(Math.max(10, mean / 10));
    // Readers print no text here (the book's line is commented out).
    expect(lines).toHaveLength(turns.length);
  });

  it('runs until it is stopped, as the book program does', async () => {
    const run = await runExample('example3', { limitSeconds: 2 });
    expect(run.code).toBeNull();
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Writing being done by Thread-5.\n');
  });
});
