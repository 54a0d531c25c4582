import { buildPackageSetup } from '@mc/testing';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The CLI tests run the built `dist/cli.js`, as `pnpm serve` does: build it once first.
    globalSetup: [buildPackageSetup],
    testTimeout: 20_000,
  },
});
