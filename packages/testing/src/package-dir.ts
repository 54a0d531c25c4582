import { fileURLToPath } from 'node:url';

/**
 * The package folder of a test file: the folder above its `test/`. Every function of the kit that
 * starts a program takes it first.
 *
 * @example const packageDir = packageDirOf(import.meta.url); await runExample(packageDir, 'example1')
 */
export function packageDirOf(testFileUrl: string): string {
  return fileURLToPath(new URL('..', testFileUrl));
}
