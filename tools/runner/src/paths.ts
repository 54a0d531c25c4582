import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The runner package folder (`tools/runner`), found from this file's location, never from cwd. */
export const runnerRoot: string = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

/** The monorepo root: two levels above the runner package. */
export const repoRoot: string = resolve(runnerRoot, '../..');

/** Where chapter packages live by default: `<repo>/chapters`. */
export const defaultChaptersRoot: string = resolve(repoRoot, 'chapters');

/** Where reports go by default: `<repo>/reports` (git-ignored). */
export const defaultReportsDir: string = resolve(repoRoot, 'reports');
