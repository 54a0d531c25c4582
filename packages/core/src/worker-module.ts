import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// From the loaded modules, not imported: see the note in file.ts.
const { existsSync, mkdirSync, writeFileSync } = process.getBuiltinModule('node:fs');
const { createRequire } = process.getBuiltinModule('node:module');

/**
 * The file URL of a module that a worker thread can load as plain JavaScript.
 *
 * A worker must not pay for a TypeScript loader: under tsx a cold worker costs about 0.4 s here,
 * a plain-JavaScript one about 0.035 s. Compiled code (`dist/`) names its workers `.js` and they
 * exist, so they are used as they are. When the caller runs from TypeScript source (a test under
 * vitest), the `.js` file does not exist but its `.ts` source does: it is compiled once with
 * esbuild into the package's `node_modules/.cache/mc-workers/`, named by a hash of its content,
 * and that JavaScript file is used. esbuild is loaded only then: a compiled example never pays
 * for it (loading it cost about 100 ms per program start).
 *
 * @example resolveWorkerModule(new URL('./workers/is_prime.js', import.meta.url))
 * @throws Error naming the file when neither the module nor its TypeScript source exists.
 */
export function resolveWorkerModule(moduleUrl: URL | string): string {
  const path = fileURLToPath(moduleUrl);
  if (existsSync(path)) return pathToFileURL(path).href;
  const source = path.replace(/\.(m?)js$/, '.$1ts');
  if (source === path || !existsSync(source)) {
    throw new Error(`worker module not found: ${path} (nor its TypeScript source)`);
  }
  return pathToFileURL(compileToCache(source)).href;
}

function compileToCache(source: string): string {
  // Loaded here, synchronously, and only when a TypeScript worker must be compiled (tests).
  const { buildSync } = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  const { outputFiles } = buildSync({
    entryPoints: [source],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    // The oldest Node the project runs on (CI tests on Node 22 too): `using` stays compiled there.
    target: 'node22',
    write: false,
  });
  const code = outputFiles[0]?.text ?? '';
  // Loaded here, not by every program (and child process) that imports core.
  const { createHash } = process.getBuiltinModule('node:crypto');
  const hash = createHash('sha256').update(source).update(code).digest('hex').slice(0, 16);
  const directory = join(packageRoot(source), 'node_modules', '.cache', 'mc-workers');
  const compiled = join(directory, `${hash}.mjs`);
  if (!existsSync(compiled)) {
    mkdirSync(directory, { recursive: true });
    writeFileSync(compiled, code);
  }
  return compiled;
}

/** The nearest folder above `file` with a package.json, so bare imports resolve from there. */
function packageRoot(file: string): string {
  let directory = dirname(file);
  while (!existsSync(join(directory, 'package.json'))) {
    const parent = dirname(directory);
    if (parent === directory) return dirname(file);
    directory = parent;
  }
  return directory;
}
