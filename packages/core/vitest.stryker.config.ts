import { mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// The tests as `pnpm test` runs them, plus what carries Stryker's active mutant into child processes.
export default mergeConfig(base, {
  test: { setupFiles: ['./test/stryker/child-mutant.ts'] },
});
