import { describe, expect, it } from 'vitest';
import type { ExampleDeclaration } from '../src/declare.js';
import { effectiveLimit } from '../src/limit.js';

const example = (kind: 'exits' | 'blocks', timeoutSeconds: number): ExampleDeclaration => ({
  name: 'example1',
  bookFile: 'Chapter04/example2.py',
  section: 's',
  timeoutSeconds,
  outcome: { kind },
});

describe('effectiveLimit', () => {
  it('uses the declared limit at the book timings', () => {
    expect(effectiveLimit(example('blocks', 10), 1)).toBe(10);
  });

  it('scales a blocks limit by a time scale below 1, never under 2 s', () => {
    expect(effectiveLimit(example('blocks', 100), 0.1)).toBe(10);
    expect(effectiveLimit(example('blocks', 10), 0.01)).toBe(2);
  });

  it('keeps the limit of a blocks example whose time is not the book sleeps', () => {
    expect(effectiveLimit({ ...example('blocks', 6), scaledLimit: false }, 0.01)).toBe(6);
  });

  it('never scales the limit of an exits example', () => {
    expect(effectiveLimit(example('exits', 30), 0.01)).toBe(30);
  });

  it('takes --timeout as given', () => {
    expect(effectiveLimit(example('blocks', 10), 0.01, 5)).toBe(5);
    expect(effectiveLimit(example('exits', 10), 1, 0.5)).toBe(0.5);
  });
});
