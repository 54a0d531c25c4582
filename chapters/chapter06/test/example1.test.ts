import { exampleRunner } from '@mc/testing';
import { describe, expect, it } from 'vitest';

const runExample = exampleRunner(import.meta.url, { limitSeconds: 30 });

const countdown = (name: string) => [
  `Process ${name} starting...`,
  ...[5, 4, 3, 2, 1].map((n) => `Process ${name} counting down: ${n}...`),
  `Process ${name} exiting...`,
];

describe('example1.py', () => {
  it('runs the two countdowns at the same time, in two processes', async () => {
    const run = await runExample('example1', { timeScale: 1 });
    expect(run.code).toBe(0);
    expect(run.lines.filter((line) => line.includes(' A '))).toEqual(countdown('A'));
    expect(run.lines.filter((line) => line.includes(' B '))).toEqual(countdown('B'));
    expect(run.lines).toHaveLength(15);
    expect(run.lines.at(-1)).toBe('Done.');
    // Each prints its 5 before the other prints its 4: the countdowns overlap.
    const at = (line: string) => run.lines.indexOf(line);
    expect(at('Process A counting down: 5...')).toBeLessThan(at('Process B counting down: 4...'));
    expect(at('Process B counting down: 5...')).toBeLessThan(at('Process A counting down: 4...'));
  });
});
