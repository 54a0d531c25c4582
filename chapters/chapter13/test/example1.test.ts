import { exampleRunner } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { main } from '../src/example1.js';
import { countTurns } from './turns.js';

const runExample = exampleRunner(import.meta.url, {});

describe('example1.py', () => {
  it('starves the writers: in a 1 s run the three readers read, over and over, and nobody writes', async () => {
    const { lines, reads, writes } = await countTurns(main);
    expect(writes.size).toBe(0);
    expect(reads.size).toBe(3);
    // Hundreds each here; 20 holds on a loaded machine.
    for (const count of reads.values()) expect(count).toBeGreaterThanOrEqual(20);
    // The text never changed: every text line is the first one.
    const texts = lines.filter((line) => !line.startsWith('Reading being done by'));
    expect(new Set(texts)).toEqual(new Set(['This is some text. ']));
  });

  it('runs until it is stopped, as the book program does', async () => {
    const run = await runExample('example1', { limitSeconds: 2 });
    expect(run.code).toBeNull();
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Reading being done by Thread-1:\nThis is some text. \n/);
  });
});
