import { exampleRunner } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { main } from '../src/example2.js';
import { countTurns } from './turns.js';

const runExample = exampleRunner(import.meta.url, {});

describe('example2.py', () => {
  it('starves the readers: once the writers are in, they write, over and over, and nobody reads', async () => {
    const { turns, writes } = await countTurns(main);
    expect(writes.size).toBe(2);
    for (const count of writes.values()) expect(count).toBeGreaterThanOrEqual(20);
    const firstWrite = turns.findIndex(([kind]) => kind === 'write');
    const readsAfter = turns.slice(firstWrite).filter(([kind]) => kind === 'read');
    // At most the readers already queued when the writers came: 3.
    expect(readsAfter.length).toBeLessThanOrEqual(3);
  });

  it('runs until it is stopped, as the book program does', async () => {
    const run = await runExample('example2', { limitSeconds: 2 });
    expect(run.code).toBeNull();
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Writing being done by Thread-4.\n');
  });
});
