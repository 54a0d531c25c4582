import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

/**
 * Compiles the package at `packageDir` with its own `tsconfig.build.json` (`src/` to `dist/`), with
 * the TypeScript that package depends on, printing any error; throws when the compiler fails. The
 * tests that spawn `node dist/<name>.js` then run the current source, not a stale build.
 *
 * @example compilePackage('chapters/chapter03')
 */
export function compilePackage(packageDir: string): void {
  // The compiler's `bin` entry, found through its package.json: TypeScript 7 exports no `bin/tsc`.
  const manifest = createRequire(join(packageDir, 'package.json')).resolve(
    'typescript/package.json',
  );
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: { tsc: string } };
  const tsc = join(dirname(manifest), bin.tsc);
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: packageDir,
    stdio: 'inherit',
  });
}

/** Modification time in ms, or undefined when the file is missing. */
function modifiedAt(file: string): number | undefined {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * True when the package's `dist/` is at least as new as what it is compiled from: every
 * `src/**\/*.ts` has its `dist/` JavaScript, written after it and after the package's
 * `package.json`, `tsconfig.build.json` and the repository's `tsconfig.base.json`. `pnpm test`
 * (turbo) builds each package before its tests, so the tests need not compile it again.
 *
 * @example isBuildCurrent('chapters/chapter03') // false right after a source edit
 */
export function isBuildCurrent(packageDir: string): boolean {
  const configs = ['package.json', 'tsconfig.build.json', '../../tsconfig.base.json'];
  const configTime = Math.max(...configs.map((file) => modifiedAt(join(packageDir, file)) ?? 0));
  const sources = readdirSync(join(packageDir, 'src'), { recursive: true, encoding: 'utf8' });
  return sources
    .filter((file) => /\.m?ts$/.test(file) && !/\.d\.m?ts$/.test(file))
    .every((file) => {
      const built = modifiedAt(join(packageDir, 'dist', file.replace(/ts$/, 'js')));
      const source = modifiedAt(join(packageDir, 'src', file)) ?? Number.POSITIVE_INFINITY;
      return built !== undefined && built >= Math.max(source, configTime);
    });
}

/**
 * The workspace packages `packageDir` imports (its `workspace:` dependencies and dev dependencies,
 * and theirs), each after the packages it imports, then `packageDir` itself: the order to build
 * them in. Packages without a `tsconfig.build.json` (nothing to compile) are left out.
 *
 * @example buildOrder('chapters/chapter14') // [.../packages/testing, .../packages/core, .../tools/runner, .../chapters/chapter14]
 */
export function buildOrder(packageDir: string): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (dir: string): void => {
    if (seen.has(dir)) return;
    seen.add(dir);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    const imported = { ...manifest.dependencies, ...manifest.devDependencies };
    for (const [name, version] of Object.entries(imported)) {
      if (version.startsWith('workspace:')) visit(realpathSync(join(dir, 'node_modules', name)));
    }
    if (existsSync(join(dir, 'tsconfig.build.json'))) order.push(dir);
  };
  visit(realpathSync(packageDir));
  return order;
}

/**
 * Compiles, in `buildOrder`, every package of `packageDir`'s whose `dist/` is not current (see
 * `isBuildCurrent`): the package itself and the workspace packages it imports, so that a test
 * never runs a stale `@mc/core` after a core edit. Returns the folders it compiled.
 *
 * @example buildWithImports('chapters/chapter14') // [] when everything is current
 */
export function buildWithImports(packageDir: string): string[] {
  const stale = buildOrder(packageDir).filter((dir) => !isBuildCurrent(dir));
  for (const dir of stale) compilePackage(dir);
  return stale;
}

/**
 * The path of this module, to name in a vitest config's `globalSetup`: before the tests, it
 * compiles the package whose tests are running and the workspace packages it imports, each only
 * when its `dist/` is stale. `chapterTestConfig` names it already.
 *
 * @example defineConfig({ test: { globalSetup: [buildPackageSetup] } })
 */
export const buildPackageSetup: string = fileURLToPath(import.meta.url);

/**
 * Vitest global setup: vitest passes the project whose tests are about to run, and its root is
 * the package folder, so one module serves every package (see `buildPackageSetup`). It compiles
 * only what is stale (see `buildWithImports`): under `pnpm test`, turbo has just built it all.
 */
export default function buildPackage(project: TestProject): void {
  buildWithImports(project.config.root);
}
