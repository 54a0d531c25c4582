import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    fileParallelism: false,
    testTimeout: 60_000,
    // Some tests run the compiled examples as the runner does: compile them first.
    globalSetup: ['./test/global-setup.ts'],
  },
});
