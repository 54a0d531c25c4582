import { Lock, Thread } from '@mc/core/threading';
import { sleep } from '@mc/core/time';
import { exampleRunner } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { acquire } from '../src/example4.js';

const runExample = exampleRunner(import.meta.url, { timeScale: 0.01, limitSeconds: 20 });

describe('example4.py', () => {
  it('lets two threads asking for two locks in opposite orders both finish, and frees them', async () => {
    const forks = [new Lock({ name: 'forks[0]' }), new Lock({ name: 'forks[1]' })] as const;
    const eat = (left: Lock, right: Lock) => async () => {
      using _forks = await acquire(left, right);
      await sleep(0.1);
    };
    // Taken in the order given, with a turn of the loop between, these two would deadlock.
    const threads = [eat(forks[0], forks[1]), eat(forks[1], forks[0])].map(
      (target) => new Thread({ target }),
    );
    for (const thread of threads) thread.start();
    for (const thread of threads) await thread.join(10);
    expect(threads.map((thread) => thread.isAlive())).toEqual([false, false]);
    expect(forks.map((fork) => fork.locked())).toEqual([false, false]);
  });

  it('never freezes: every philosopher eats, until the limit stops them', async () => {
    // example3's philosophers freeze within 1.5 to 2.6 s and are named half a second to a second
    // later (their pauses are not scaled); forks taken without the order would be too, in this
    // window, and stop eating long before its last second and a half.
    const limitSeconds = 8;
    const run = await runExample('example4', { limitSeconds });
    expect(run.code).toBeNull();
    expect(run.stderr).toBe('');
    const eaters = new Set(
      run.lines.map(
        (line) => /^Philosopher at <Thread\((Thread-\d), started \d\)>/.exec(line)?.[1],
      ),
    );
    expect([...eaters].sort()).toEqual([
      'Thread-1',
      'Thread-2',
      'Thread-3',
      'Thread-4',
      'Thread-5',
    ]);
    // Still eating in the run's last second and a half (example3 froze within one).
    expect(run.lastOutputAt).toBeGreaterThan(limitSeconds - 1.5);
  });
});
