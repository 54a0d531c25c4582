import { exampleRunner } from '@mc/testing';
import { describe, expect, it } from 'vitest';

const runExample = exampleRunner(import.meta.url, { timeScale: 0.01, limitSeconds: 20 });

describe('example3.py', () => {
  it('eats a while, then all five hold their left fork and wait for their right one, for ever', async () => {
    // Frozen within 1 to 2.6 s in 8 runs here; 9 s leaves room for a loaded machine.
    const run = await runExample('example3', { limitSeconds: 9 });
    expect(run.code).toBeNull();
    for (const line of run.lines) {
      expect(line).toMatch(/^Philosopher at <Thread\(Thread-[1-5], started [1-5]\)> is eating\.$/);
    }
    // The watch names the cycle only when no lock moved for half a second: nobody eats any more.
    expect(run.stderr).toBe(
      'Deadlock: Thread-1 holds forks[0] and waits for forks[1]; Thread-2 holds forks[1] and waits for forks[2]; ' +
        'Thread-3 holds forks[2] and waits for forks[3]; Thread-4 holds forks[3] and waits for forks[4]; ' +
        'Thread-5 holds forks[4] and waits for forks[0]\n',
    );
  });
});
