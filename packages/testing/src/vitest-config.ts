import type { InlineConfig } from 'vitest/node';
import { buildPackageSetup } from './build-package.js';

/**
 * The `test` section every chapter's vitest config shares: one test file at a time (tests start
 * processes and worker pools; side by side on 2 cores they only slow each other), a minute a
 * test, and the package compiled first for the tests that spawn `node dist/<name>.js`.
 * `overrides` replace any of these, such as a longer `testTimeout`, or `globalSetup: []` for a
 * chapter whose tests never run its `dist/`.
 *
 * @example export default defineConfig({ test: chapterTestConfig({ testTimeout: 120_000 }) })
 */
export function chapterTestConfig(overrides: InlineConfig = {}): InlineConfig {
  return {
    fileParallelism: false,
    testTimeout: 60_000,
    globalSetup: [buildPackageSetup],
    ...overrides,
  };
}
