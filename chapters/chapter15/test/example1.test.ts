import { exampleRunner } from '@mc/testing';
import { describe, expect, it } from 'vitest';

const runExample = exampleRunner(import.meta.url, { limitSeconds: 60 });

describe('example1.py', () => {
  it("says what CPython counts, then shows the aliasing and a WeakRef's view of the list", async () => {
    const run = await runExample('example1');
    expect(run.code).toBe(0);
    expect(run.lines.slice(0, 3)).toEqual([
      'Reference count when direct-referencing: none in JavaScript (CPython: 1, the argument).',
      'Reference count when referenced once: none in JavaScript (CPython: 2, a and the argument).',
      'Reference count when referenced twice: none in JavaScript (CPython: 3, a, b and the argument).',
    ]);
    expect(run.lines.slice(3, 7)).toEqual([
      'Variable a after a is changed: [8].',
      'Variable b after a is changed: [8].',
      'WeakRef while a and b hold the list: alive.',
      'WeakRef once a and b let go, after a collection: empty.',
    ]);
    expect(run.lines[7]).toMatch(
      /^FinalizationRegistry told: (yes|not yet) \(when is up to the collector\)\.$/,
    );
    expect(run.lines.slice(8)).toEqual(['Finished.']);
  });
});
