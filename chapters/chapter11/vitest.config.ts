import { chapterTestConfig } from '@mc/testing';
import { defineConfig } from 'vitest/config';

// The tests about a whole program run the compiled example: chapterTestConfig compiles it first.
export default defineConfig({ test: chapterTestConfig() });
