import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPackageSetup, chapterTestConfig } from '../src/index.js';

describe('chapterTestConfig', () => {
  it('runs one file at a time for a minute a test, compiling the package first', () => {
    expect(chapterTestConfig()).toEqual({
      fileParallelism: false,
      testTimeout: 60_000,
      globalSetup: [buildPackageSetup],
    });
    expect(existsSync(buildPackageSetup)).toBe(true);
  });

  it('lets a chapter change its timeout or drop the build', () => {
    expect(chapterTestConfig({ testTimeout: 120_000, globalSetup: [] })).toEqual({
      fileParallelism: false,
      testTimeout: 120_000,
      globalSetup: [],
    });
  });
});
