import { BLOCKED_SECONDS, exampleRunner } from '@mc/testing';
import { describe, expect, it } from 'vitest';

const runExample = exampleRunner(import.meta.url, { timeScale: 0.01, limitSeconds: 20 });

describe('example1.py', () => {
  it('deadlocks for real: blocked until killed, after the book 8 lines, with the cycle named', async () => {
    const run = await runExample('example1', { limitSeconds: BLOCKED_SECONDS });
    // Killed at the limit (code null): the two blocked threads kept the process alive.
    expect(run.code).toBeNull();
    expect(run.lines).toEqual([
      'Thread A is starting...',
      'Thread A waiting to acquire lock A.',
      'Thread A has acquired lock A, performing some calculation...',
      'Thread B is starting...',
      'Thread B waiting to acquire lock B.',
      'Thread B has acquired lock B, performing some calculation...',
      'Thread A waiting to acquire lock B.',
      'Thread B waiting to acquire lock A.',
    ]);
    expect(run.stderr).toBe(
      'Deadlock: Thread-1 holds lock_a and waits for lock_b; Thread-2 holds lock_b and waits for lock_a\n',
    );
  });
});
