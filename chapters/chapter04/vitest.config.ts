import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    fileParallelism: false,
    testTimeout: 60_000,
    // The tests that are about a whole program run the compiled example: build it first.
    globalSetup: './test/build.ts',
  },
});
