import { exampleRunner } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import declaration from '../src/examples.js';

const runExample = exampleRunner(import.meta.url, { timeScale: 0.01, limitSeconds: 20 });

describe('example2.py', () => {
  it('ends with Finished. after the book 13 lines: one lock order, no circular wait', async () => {
    const run = await runExample('example2');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const declared = declaration.examples.find((example) => example.name === 'example2');
    expect(run.stdout).toBe(declared?.output?.[0]);
    expect(run.lines).toHaveLength(13);
  });
});
