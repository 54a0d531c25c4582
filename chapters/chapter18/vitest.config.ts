import { chapterTestConfig } from '@mc/testing';
import { defineConfig } from 'vitest/config';

// The tests about a whole program run the compiled example: chapterTestConfig compiles it first.
// The load test (200 clients, 20,000 requests) needs more than a minute on a loaded 2-core machine.
export default defineConfig({ test: chapterTestConfig({ testTimeout: 180_000 }) });
