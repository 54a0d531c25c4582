import { exampleRunner } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { networkBlocks } from './network-blocks.js';

const runExample = exampleRunner(import.meta.url, { limitSeconds: 30 });

describe('example5.py', () => {
  it("fails thread 1 with KeyError: 'A', and the program goes on to exit 0", async () => {
    const run = await runExample('example5', { timeScale: 0.01 });
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
