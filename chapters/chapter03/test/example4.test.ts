import { sleep } from '@mc/core/time';
import { captureLines, exampleRunner } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { MyThread, threadLock } from '../src/example4.js';
import { countdown } from './countdown.js';

// B starts while A sleeps (await start() lets A run until it first blocks, as Python's start()):
// 50 ms per countdown step keeps B's start, a few loop turns, well inside A's first sleep.
const runExample = exampleRunner(import.meta.url, { timeScale: 0.1, limitSeconds: 20 });

describe('example4.py', () => {
  it('serialises the two countdowns', async () => {
    const run = await runExample('example4');
    expect(run.code).toBe(0);
    expect(run.lines).toEqual([
      'Starting thread A.',
      'Starting thread B.',
      ...countdown('A'),
      'Finished thread A.',
      ...countdown('B'),
      'Finished thread B.',
      'Finished.',
    ]);
  });

  it('serialises them because of the lock: no countdown moves while the lock is held elsewhere', async () => {
    const released = '(the test releases the lock)';
    const { lines } = await captureLines(
      async () => {
        const thread1 = new MyThread('A', 0.5);
        const thread2 = new MyThread('B', 0.5);
        await threadLock.acquire();
        thread1.start();
        thread2.start();
        // Three countdown steps: without the lock, both threads would have printed by now. Their
        // sleeps end before this one whatever the load, as timers fire in deadline order.
        await sleep(1.5);
        console.log(released);
        threadLock.release();
        await thread1.join();
        await thread2.join();
      },
      { timeScale: '0.04' },
    );
    expect(lines).toEqual([
      'Starting thread A.',
      'Starting thread B.',
      released,
      ...countdown('A'),
      'Finished thread A.',
      ...countdown('B'),
      'Finished thread B.',
    ]);
  });
});
