import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { benchmarkProblems, type DeclaredBenchmark } from './benchmark-problems.js';
import { type DeclaredChapter, declarationProblems } from './declaration-problems.js';

/**
 * The test every chapter runs on its `src/examples.ts`: that the declaration names the package
 * folder, and each example its own `src/<name>.ts` and its book file (see `declarationProblems`).
 * Call it from `test/examples.test.ts`, passing that file's `import.meta.url` (its package is the
 * folder above `test/`). A subpath of its own, `@mc/testing/declaration-test`, because it imports
 * vitest's test API, which the main entry, loaded by vitest configs too, must not.
 *
 * @example describeDeclaration(declaration, import.meta.url)
 */
export function describeDeclaration(declaration: DeclaredChapter, testFileUrl: string): void {
  const packageDir = fileURLToPath(new URL('..', testFileUrl));
  describe('examples.ts', () => {
    it('declares every example against its own source file and its book file', () => {
      expect(declarationProblems(declaration, packageDir)).toEqual([]);
    });
  });
}

/**
 * The test every chapter that declares benchmarks runs on its `src/benchmarks.ts`: that each is
 * well formed and names files that exist (see `benchmarkProblems`). Call it from
 * `test/benchmarks.test.ts` with that file's `import.meta.url`.
 *
 * @example describeBenchmarks(benchmarks, import.meta.url)
 */
export function describeBenchmarks(
  benchmarks: readonly DeclaredBenchmark[],
  testFileUrl: string,
): void {
  const packageDir = fileURLToPath(new URL('..', testFileUrl));
  describe('benchmarks.ts', () => {
    it('declares well-formed benchmarks that name existing examples and scripts', () => {
      expect(benchmarkProblems(benchmarks, packageDir)).toEqual([]);
    });
  });
}
