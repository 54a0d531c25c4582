import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests start real processes and wait out 1 s limits; give them room on a loaded machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
