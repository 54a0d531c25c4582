import { describe, expect, it } from 'vitest';
import { countTurns } from './turns.js';

describe('example2.py', () => {
  it('starves the readers: once the writers are in, they write, over and over, and nobody reads', async () => {
    const { code, stderr, stdout, turns, writes } = await countTurns('example2');
    // It ran until it was stopped, as the book program does, and no deadlock was reported.
    expect(code).toBeNull();
    expect(stderr).toBe('');
    expect(stdout).toContain('Writing being done by Thread-4.\n');
    expect(writes.size).toBe(2);
    for (const count of writes.values()) expect(count).toBeGreaterThanOrEqual(20);
    const firstWrite = turns.findIndex(([kind]) => kind === 'write');
    const readsAfter = turns.slice(firstWrite).filter(([kind]) => kind === 'read');
    // At most the readers already queued when the writers came: 3.
    expect(readsAfter.length).toBeLessThanOrEqual(3);
  });
});
