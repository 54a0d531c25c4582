import { chapterTestConfig } from '@mc/testing';
import { defineConfig } from 'vitest/config';

// The tests about a whole program run the compiled example: chapterTestConfig compiles it first.
// Examples 6 and 7 compute three Fibonacci numbers of 100,000 digits: several seconds on a
// loaded machine. The node:test files the examples run (src/unittest/load-tests.ts, fixtures)
// are not *.test.ts, so vitest never collects them.
export default defineConfig({ test: chapterTestConfig({ testTimeout: 120_000 }) });
