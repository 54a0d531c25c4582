import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { isBuildCurrent } from '../src/index.js';

// A package two levels below a root, as chapters/chapter07 is: the base tsconfig is at ../../.
const root = mkdtempSync(join(tmpdir(), 'mc-testing-build-'));
const packageDir = join(root, 'chapters', 'chapter07');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Writes `file` under the package (or the root for `../../`) with its time `seconds` after 2020. */
function write(file: string, seconds: number): void {
  const path = join(packageDir, file);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, '');
  const time = new Date(Date.UTC(2020, 0, 1) + seconds * 1000);
  utimesSync(path, time, time);
}

beforeEach(() => {
  rmSync(packageDir, { recursive: true, force: true });
  for (const config of ['package.json', 'tsconfig.build.json', '../../tsconfig.base.json']) {
    write(config, 0);
  }
  write('src/example1.ts', 10);
  write('src/workers/task.ts', 10);
  write('src/types.d.ts', 10);
});

describe('isBuildCurrent', () => {
  it('is true when every source has its JavaScript, written after it', () => {
    write('dist/example1.js', 20);
    write('dist/workers/task.js', 20);
    expect(isBuildCurrent(packageDir)).toBe(true);
  });

  it('is false when a source was changed after its build, or never built', () => {
    write('dist/example1.js', 20);
    write('dist/workers/task.js', 5);
    expect(isBuildCurrent(packageDir)).toBe(false);
    write('dist/workers/task.js', 20);
    write('src/example2.ts', 10);
    expect(isBuildCurrent(packageDir)).toBe(false);
  });

  it('is false when a compiler setting changed after the build', () => {
    write('dist/example1.js', 20);
    write('dist/workers/task.js', 20);
    write('../../tsconfig.base.json', 30);
    expect(isBuildCurrent(packageDir)).toBe(false);
  });
});
