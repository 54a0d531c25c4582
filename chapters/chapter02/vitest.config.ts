import { chapterTestConfig } from '@mc/testing';
import { defineConfig } from 'vitest/config';

// One file at a time (the tests compare timings on a 2-core machine). The tests run main() in this
// process, and its pool loads @mc/primes' dist: chapterTestConfig builds what the tests import first.
export default defineConfig({ test: chapterTestConfig({ testTimeout: 120_000 }) });
