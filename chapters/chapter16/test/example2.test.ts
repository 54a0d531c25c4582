import { captureLines } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { main } from '../src/example2.js';

describe('example2.py', () => {
  it('keeps all 300 increments, taking turns at the lock', async () => {
    const { lines, value, seconds } = await captureLines(main);
    expect(lines).toEqual(['Final counter: 300.', 'Finished.']);
    expect(value).toBe(300);
    // Each holds the lock through a sleep of at least 1 ms: 300 of them one after another.
    expect(seconds).toBeGreaterThanOrEqual(0.3);
  });
});
