import { defineConfig } from 'vitest/config';

// Each test starts node (and turbo, tsx) processes: one file at a time, with room on a loaded machine.
export default defineConfig({ test: { fileParallelism: false, testTimeout: 120_000 } });
