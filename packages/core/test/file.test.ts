import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { open } from '../src/index.js';

const folder = mkdtempSync(join(tmpdir(), 'mc-core-file-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const openDescriptors = () => readdirSync('/proc/self/fd').length;

describe('open', () => {
  it('closes the file when its using block ends', () => {
    const before = openDescriptors();
    let escaped: ReturnType<typeof open> | undefined;
    {
      using f = open(join(folder, 'a.txt'), 'w');
      escaped = f;
      f.write('hello');
      expect(openDescriptors()).toBe(before + 1);
    }
    expect(escaped?.closed).toBe(true);
    expect(openDescriptors()).toBe(before);
    expect(readFileSync(join(folder, 'a.txt'), 'utf8')).toBe('hello');
  });

  it('closes the file when its using block throws', () => {
    const before = openDescriptors();
    expect(() => {
      using f = open(join(folder, 'a.txt'));
      throw new Error(`failed after reading ${f.read()}`);
    }).toThrow('failed after reading hello');
    expect(openDescriptors()).toBe(before);
  });

  it('keeps the descriptor open without using, until close()', () => {
    const before = openDescriptors();
    const f = open(join(folder, 'b.txt'), 'w');
    expect(openDescriptors()).toBe(before + 1);
    f.close();
    f.close();
    expect(openDescriptors()).toBe(before);
  });

  it('raises ENOENT for a missing file, as Python raises FileNotFoundError', () => {
    expect(() => open(join(folder, 'missing.txt'))).toThrow(
      expect.objectContaining({ code: 'ENOENT' }),
    );
  });
});
