import { exampleRunner } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { networkBlocks } from './network-blocks.js';

const runExample = exampleRunner(import.meta.url, { limitSeconds: 30 });

describe('example6.py', () => {
  it('reads the primary value from its snapshot while the primary is deleted', async () => {
    // Thread 2 starts while thread 1 waits its 1 s (await start() runs thread 1 until it blocks):
    // 100 ms keeps that start, a few loop turns, inside the wait.
    const run = await runExample('example6', { timeScale: 0.1 });
    expect(run.code).toBe(0);
    expect(run.lines).toEqual([
      ...networkBlocks.initial,
      ...networkBlocks.full,
      'Current primary value: 1.',
      ...networkBlocks.final,
    ]);
    expect(run.stderr).toBe('');
  });
});
