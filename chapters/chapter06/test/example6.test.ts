import { exampleRunner } from '@mc/testing';
import { describe, expect, it } from 'vitest';

const runExample = exampleRunner(import.meta.url, { limitSeconds: 30 });

describe('example6.py', () => {
  it('rebuilds the MyWorker sent through the queue in the child, which calls its method', async () => {
    const run = await runExample('example6', { timeScale: 0.1 });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // Printed by the child (it is Process-1, not MainProcess) through a MyWorker method: a plain
    // copy of the fields would have no process() to call.
    expect(run.lines).toEqual(['Starting process Process-1 for number 10...', 'Done.']);
  });
});
