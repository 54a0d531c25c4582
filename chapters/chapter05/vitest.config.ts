import { chapterTestConfig } from '@mc/testing';
import { defineConfig } from 'vitest/config';

// Some tests run the compiled examples as the runner does: chapterTestConfig compiles them first.
export default defineConfig({ test: chapterTestConfig() });
