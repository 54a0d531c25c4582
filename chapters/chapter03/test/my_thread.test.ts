import { exampleRunner } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { countdown } from './countdown.js';

const runExample = exampleRunner(import.meta.url, { timeScale: 0.01, limitSeconds: 20 });

describe('my_thread.py', () => {
  it('prints nothing when run alone, as the book module only defines the class', async () => {
    const run = await runExample('my_thread');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
  });

  it('counts one thread down from 5 to 1 between its start and finish lines', async () => {
    const run = await runExample('my_thread', { args: ['A', '0.5'] });
    expect(run.code).toBe(0);
    expect(run.lines).toEqual(['Starting thread A.', ...countdown('A'), 'Finished thread A.']);
  });

  it('rejects a delay that is not a number', async () => {
    const run = await runExample('my_thread', { args: ['A', 'soon'] });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the delay must be a non-negative number of seconds');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
