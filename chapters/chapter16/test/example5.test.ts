import { exampleRunner } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { networkBlocks } from './network-blocks.js';

const runExample = exampleRunner(import.meta.url, { limitSeconds: 30 });

describe('example5.py', () => {
  it("fails thread 1 with KeyError: 'A', and the program goes on to exit 0", async () => {
    // Thread 2 starts while thread 1 waits its 1 s (await start() runs thread 1 until it blocks):
    // 100 ms keeps that start, a few loop turns, inside the wait.
    const run = await runExample('example5', { timeScale: 0.1 });
    expect(run.code).toBe(0);
    expect(run.lines).toEqual([
      ...networkBlocks.initial,
      ...networkBlocks.full,
      ...networkBlocks.final,
    ]);
    expect(run.stdout).not.toContain('Current primary value');
    expect(run.stderr).toMatch(/^Exception in thread Thread-1:\nKeyError: 'A'\n/);
  });
});
