import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Tests start worker threads and processes (the overlap probe waits up to 20 s): give them
    // room on a loaded machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Stryker's sandboxes (pnpm mutate) hold a copy of every test.
    exclude: [...configDefaults.exclude, '**/.stryker-tmp/**'],
  },
});
