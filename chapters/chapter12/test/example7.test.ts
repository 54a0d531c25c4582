import { exampleRunner, tookSeconds } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import declaration from '../src/examples.js';

/** The time scale of the process tests: the book's 1 s lasts 10 ms. */
const TIME_SCALE = 0.01;
const runExample = exampleRunner(import.meta.url, { timeScale: TIME_SCALE, limitSeconds: 20 });

describe('example7.py', () => {
  it('sleeps both threads side by side: their second lines come before either ends', async () => {
    const run = await runExample('example7');
    expect(run.code).toBe(0);
    const declared = declaration.examples.find((example) => example.name === 'example7')
      ?.output?.[0];
    // B's second calculation line (t = 5 s) comes after A's (t = 2 s): both slept at once.
    expect(run.stdout.startsWith(declared as string)).toBe(true);
    expect(run.lines.at(-1)).toBe('Finished.');
    expect(tookSeconds(run.lines)[0]).toBeGreaterThanOrEqual(10 * TIME_SCALE);
  });
});
