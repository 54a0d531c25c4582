import { exampleRunner, processExists } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { parse } from './printed-lines.js';

const runExample = exampleRunner(import.meta.url, { limitSeconds: 30 });

describe('example4.py', () => {
  it('kills the daemon Worker 1 when the main program ends and waits for Worker 2', async () => {
    const run = await runExample('example4', { timeScale: 1 });
    expect(run.code).toBe(0);
    const lines = run.lines.map(parse);
    expect(lines.map(([what, name]) => `${what} ${name}`)).toEqual([
      'Starting Worker 1',
      'Starting Worker 2',
      'Exiting Worker 2',
    ]);
    const [[, , daemon], [, , worker2], [, , exiting]] = lines as [
      [string, string, number],
      [string, string, number],
      [string, string, number],
    ];
    expect(exiting).toBe(worker2);
    expect(new Set([daemon, worker2, run.pid]).size).toBe(3);
    // Terminated and reaped before the program ended, not orphaned to print at t = 4 s.
    expect(processExists(daemon)).toBe(false);
    expect(processExists(worker2)).toBe(false);
  });

  it("starts Worker 1 before Worker 2 even when the book's 1 s between them is scaled to nothing", async () => {
    // start() returns once the child runs, so a child's boot never races the next sleep.
    const run = await runExample('example4', { timeScale: 0 });
    expect(run.code).toBe(0);
    const starts = run.lines.map(parse).filter(([what]) => what === 'Starting');
    expect(starts.map(([, name]) => name)).toEqual(['Worker 1', 'Worker 2']);
  });
});
