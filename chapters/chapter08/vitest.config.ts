import { chapterTestConfig } from '@mc/testing';
import { defineConfig } from 'vitest/config';

// The tests about a whole program run the compiled example: chapterTestConfig compiles it first.
// Each run of the reduction starts 10 to 20 processes: a test of several runs needs more than 60 s
// on a loaded 2-core machine.
export default defineConfig({ test: chapterTestConfig({ testTimeout: 180_000 }) });
