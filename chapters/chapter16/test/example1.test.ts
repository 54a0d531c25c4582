import { captureLines } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { main } from '../src/example1.js';

describe('example1.py', () => {
  it('loses most of the 300 increments: three at a time read the same value', async () => {
    const { lines, value } = await captureLines(main);
    expect(lines).toEqual([`Final counter: ${value}.`, 'Finished.']);
    expect(value).toBeGreaterThan(0);
    // All three read before any writes, so about 100; nowhere near 300.
    expect(value).toBeLessThanOrEqual(150);
  });
});
