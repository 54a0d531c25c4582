// Mutation testing of core's concurrency primitives: `pnpm mutate` at the root (see README.md,
// "Mutation testing", and MUTATION.md for the last score and the mutants named equivalent).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'src/threading/{thread,lock,deadlock-watch}.ts',
    'src/queue/queue.ts',
    'src/multiprocessing/{process,queue,pool,lock,waiting-line,broker}.ts',
    'src/asyncio/*.ts',
    '!src/**/index.ts',
  ],
  // Tests that fork processes import core's compiled JavaScript (dist/): rebuild it in the sandbox
  // from the instrumented sources, so those mutants are live there too. esbuild, not tsc: the
  // sandbox sits inside the package, where tsconfig's `extends: ../../` does not reach, and esbuild
  // only strips types, in a second rather than thirty.
  buildCommand:
    'esbuild src/**/*.ts --outdir=dist --format=esm --platform=node --target=es2022 --log-level=warning',
  // Only the tests that reach a mutant run against it: the process tests are slow.
  coverageAnalysis: 'perTest',
  // The machine's two cores, shared: at most two test processes.
  concurrency: 2,
  timeoutFactor: 3,
  timeoutMS: 5_000,
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  // Left out of the sandbox, so vitest finds the repository's tsconfig.json further up (its
  // `extends` then resolves), and Stryker does not rewrite it: it would through TypeScript's
  // JavaScript API, which TypeScript 7 (the native compiler) no longer has.
  ignorePatterns: ['tsconfig*.json'],
  cleanTempDir: 'always',
};
