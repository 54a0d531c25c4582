import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

/**
 * Compiles the package at `packageDir` with its own `tsconfig.build.json` (`src/` to `dist/`), with
 * the TypeScript that package depends on, printing any error; throws when the compiler fails. The
 * tests that spawn `node dist/<name>.js` then run the current source, not a stale build.
 *
 * @example compilePackage('/work/main/chapters/chapter03')
 */
export function compilePackage(packageDir: string): void {
  const tsc = createRequire(join(packageDir, 'package.json')).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: packageDir,
    stdio: 'inherit',
  });
}

/**
 * The path of this module, to name in a vitest config's `globalSetup`: before the tests, it
 * compiles the package whose tests are running. `chapterTestConfig` names it already.
 *
 * @example defineConfig({ test: { globalSetup: [buildPackageSetup] } })
 */
export const buildPackageSetup: string = fileURLToPath(import.meta.url);

/**
 * Vitest global setup: vitest passes the project whose tests are about to run, and its root is
 * the package folder, so one module serves every package (see `buildPackageSetup`).
 */
export default function buildPackage(project: TestProject): void {
  compilePackage(project.config.root);
}
