import { exampleRunner, processExists } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { parse } from './printed-lines.js';

const runExample = exampleRunner(import.meta.url, { limitSeconds: 30 });

describe('example5.py', () => {
  it('returns from join(1) while Worker 1 lives on, then still kills the daemon at the end', async () => {
    const run = await runExample('example5', { timeScale: 1 });
    expect(run.code).toBe(0);
    expect(run.lines[2]).toBe('Whether Worker 1 is still alive: True');
    const others = [run.lines[0], run.lines[1], run.lines[3]].map((line) => parse(line ?? ''));
    expect(others.map(([what, name]) => `${what} ${name}`)).toEqual([
      'Starting Worker 1',
      'Starting Worker 2',
      'Exiting Worker 2',
    ]);
    expect(run.lines).toHaveLength(4);
    const daemon = others[0]?.[2] as number;
    expect(processExists(daemon)).toBe(false);
  });
});
