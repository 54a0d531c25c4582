import { describe, expect, it } from 'vitest';
import { networkBlocks, runExample } from './run.js';

describe('example5.py', () => {
  it("fails thread 1 with KeyError: 'A', and the program goes on to exit 0", async () => {
    const run = await runExample('example5', 0.01);
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
