import { describe, expect, it } from 'vitest';
import { countTurns } from './turns.js';

describe('example3.py', () => {
  it('serves everybody through the turnstile: all five threads get their turns', async () => {
    const { code, stderr, stdout, lines, turns, reads, writes } = await countTurns('example3');
    // It ran until it was stopped, as the book program does, and no deadlock was reported.
    expect(code).toBeNull();
    expect(stderr).toBe('');
    expect(stdout).toContain('Writing being done by Thread-5.\n');
    expect(reads.size).toBe(3);
    expect(writes.size).toBe(2);
    const counts = [...reads.values(), ...writes.values()];
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    for (const count of counts) expect(count).toBeGreaterThanOrEqual(Math.max(10, mean / 10));
    // Readers print no text here (the book's line is commented out).
    expect(lines).toHaveLength(turns.length);
  });
});
