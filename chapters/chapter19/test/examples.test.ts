import { fileURLToPath } from 'node:url';
import { declarationProblems } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import declaration from '../src/examples.js';

describe('examples.ts', () => {
  it('declares every example against its own source file and its book file', () => {
    expect(declarationProblems(declaration, fileURLToPath(new URL('..', import.meta.url)))).toEqual(
      [],
    );
  });
});
