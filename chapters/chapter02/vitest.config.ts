import { chapterTestConfig } from '@mc/testing';
import { defineConfig } from 'vitest/config';

// One file at a time (the tests compare timings on a 2-core machine). No build first: the tests
// run main() in this process, and its pool loads @mc/primes' dist, never this chapter's.
export default defineConfig({
  test: chapterTestConfig({ testTimeout: 120_000, globalSetup: [] }),
});
