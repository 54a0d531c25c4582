import { Lock } from '@mc/core/threading';
import { captureLines } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { runCountdowns } from '../src/example1.js';
import { MyThread } from '../src/example4.js';
import { countdown, runExample } from './run.js';

/** example4's program with the locks its threads A and B take. */
function runPair(lockOfA: Lock, lockOfB: Lock): Promise<void> {
  const locks: Record<string, Lock> = { A: lockOfA, B: lockOfB };
  return runCountdowns((name, delay) => new MyThread(name, delay, locks[name] as Lock));
}

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

  it('serialises them because of the shared lock: with a lock each they interleave, in half the time', async () => {
    const shared = new Lock();
    // A longer scale than the process tests, so timer jitter is small beside each 0.5 s step.
    const serialised = await captureLines(() => runPair(shared, shared), { timeScale: '0.04' });
    const concurrent = await captureLines(() => runPair(new Lock(), new Lock()), {
      timeScale: '0.04',
    });

    const firstB = (lines: string[]) => lines.indexOf('Thread B counting down: 5...');
    const lastA = (lines: string[]) => lines.indexOf('Thread A counting down: 1...');
    expect(firstB(serialised.lines)).toBeGreaterThan(lastA(serialised.lines));
    expect(firstB(concurrent.lines)).toBeLessThan(lastA(concurrent.lines));
    // Ten steps one after another against five steps side by side: about 2x.
    expect(serialised.seconds / concurrent.seconds).toBeGreaterThan(1.5);
  });
});
