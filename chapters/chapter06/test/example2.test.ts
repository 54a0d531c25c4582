import { exampleRunner } from '@mc/testing';
import { describe, expect, it } from 'vitest';

const runExample = exampleRunner(import.meta.url, { limitSeconds: 30 });

describe('example2.py', () => {
  it('names the unnamed third process Process-3, and each child knows its own name', async () => {
    const run = await runExample('example2', { timeScale: 0.5 });
    expect(run.code).toBe(0);
    expect([...run.lines].sort()).toEqual(
      [
        'Starting process Worker 1...',
        'Starting process Worker 2...',
        'Starting process Process-3...',
        'Exiting process Worker 1...',
        'Exiting process Process-3...',
        'Exiting process Worker 2...',
      ].sort(),
    );
    expect(run.lines.slice(0, 3).every((line) => line.startsWith('Starting'))).toBe(true);
    expect(run.lines.at(-1)).toBe('Exiting process Worker 2...');
  });
});
