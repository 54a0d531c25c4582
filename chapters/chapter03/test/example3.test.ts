import { exampleRunner } from '@mc/testing';
import { describe, expect, it } from 'vitest';

const runExample = exampleRunner(import.meta.url, { timeScale: 0.01, limitSeconds: 20 });

describe('example3.py', () => {
  it('starts each thread with its own number, prints the five verdicts, then Finished.', async () => {
    const run = await runExample('example3');
    expect(run.code).toBe(0);
    expect(run.lines).toEqual([
      'Starting processing 2...',
      '2 is a prime number.',
      'Starting processing 193...',
      '193 is a prime number.',
      'Starting processing 323...',
      '323 is not a prime number.',
      'Starting processing 1327...',
      '1327 is a prime number.',
      'Starting processing 433785907...',
      '433785907 is a prime number.',
      'Finished.',
    ]);
  });
});
