import { chapterTestConfig } from '@mc/testing';
import { defineConfig } from 'vitest/config';

// One file at a time (the tests compare timings on a 2-core machine), the chapter compiled first
// for the tests that run a whole program; the pool tests on a loaded machine want two minutes.
export default defineConfig({ test: chapterTestConfig({ testTimeout: 120_000 }) });
