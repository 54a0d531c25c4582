import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The tests compare timings on a 2-core machine: one file at a time.
    fileParallelism: false,
    testTimeout: 120_000,
  },
});
