import { createHook } from 'node:async_hooks';
import { exampleRunner, interceptPrinted } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { isPrime } from '../src/example2.js';

const runExample = exampleRunner(import.meta.url, { limitSeconds: 30 });

/**
 * Runs `check` and counts the loop turns it asked for, from outside: every `sleep(0)` schedules
 * one Immediate, which an async hook sees being created.
 */
async function countYields(check: () => Promise<void>): Promise<number> {
  let immediates = 0;
  const hook = createHook({
    init(_id, type) {
      if (type === 'Immediate') immediates += 1;
    },
  }).enable();
  try {
    await check();
  } finally {
    hook.disable();
  }
  return immediates;
}

describe('example2.py', () => {
  it('lets the cheap checks start and finish while the big one yields', async () => {
    const run = await runExample('example2');
    expect(run.code).toBe(0);
    expect(run.lines).toEqual([
      'Processing 9637529763296797...',
      'Processing 427920331...',
      '427920331 is a prime number.',
      'Processing 157...',
      '157 is a prime number.',
      '9637529763296797 is a prime number.',
    ]);
  });

  it('yields to the loop 981 times for the big number (at 100001, 200001, ...), never for the small ones', async () => {
    // Silence the verdicts: only the yields are counted here.
    const stopCapture = interceptPrinted(() => {});
    try {
      expect(await countYields(() => isPrime(9637529763296797n))).toBe(981);
      expect(await countYields(() => isPrime(427920331n))).toBe(0);
      expect(await countYields(() => isPrime(157n))).toBe(0);
    } finally {
      stopCapture();
    }
  });
});
