import { describe, expect, it } from 'vitest';
import { countTurns } from './turns.js';

describe('example1.py', () => {
  it('starves the writers: in a run of 500 turns the three readers read, over and over, and nobody writes', async () => {
    const { code, stderr, stdout, lines, reads, writes } = await countTurns('example1');
    // It ran until it was stopped, as the book program does, and no deadlock was reported.
    expect(code).toBeNull();
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Reading being done by Thread-1:\nThis is some text. \n/);
    expect(writes.size).toBe(0);
    expect(reads.size).toBe(3);
    // About a third of the 500 each, whatever the load.
    for (const count of reads.values()) expect(count).toBeGreaterThanOrEqual(20);
    // The text never changed: every text line is the first one.
    const texts = lines.filter((line) => !line.startsWith('Reading being done by'));
    expect(new Set(texts)).toEqual(new Set(['This is some text. ']));
  });
});
