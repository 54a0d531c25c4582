import { exampleRunner } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { networkBlocks } from './network-blocks.js';

const runExample = exampleRunner(import.meta.url, { limitSeconds: 30 });

describe('example6.py', () => {
  it('reads the primary value from its snapshot while the primary is deleted', async () => {
    const run = await runExample('example6', { timeScale: 0.01 });
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
