import {
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { buildOrder, isBuildCurrent } from '../src/index.js';

// A package two levels below a root, as chapters/chapter07 is: the base tsconfig is at ../../.
const root = mkdtempSync(join(tmpdir(), 'mc-testing-build-'));
const packageDir = join(root, 'chapters', 'chapter07');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Writes `file` under the package (or the root for `../../`) with its time `seconds` after 2020. */
function write(file: string, seconds: number): void {
  const path = join(packageDir, file);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, '');
  const time = new Date(Date.UTC(2020, 0, 1) + seconds * 1000);
  utimesSync(path, time, time);
}

beforeEach(() => {
  rmSync(packageDir, { recursive: true, force: true });
  for (const config of ['package.json', 'tsconfig.build.json', '../../tsconfig.base.json']) {
    write(config, 0);
  }
  write('src/example1.ts', 10);
  write('src/workers/task.ts', 10);
  write('src/types.d.ts', 10);
});

describe('isBuildCurrent', () => {
  it('is true when every source has its JavaScript, written after it', () => {
    write('dist/example1.js', 20);
    write('dist/workers/task.js', 20);
    expect(isBuildCurrent(packageDir)).toBe(true);
  });

  it('is false when a source was changed after its build, or never built', () => {
    write('dist/example1.js', 20);
    write('dist/workers/task.js', 5);
    expect(isBuildCurrent(packageDir)).toBe(false);
    write('dist/workers/task.js', 20);
    write('src/example2.ts', 10);
    expect(isBuildCurrent(packageDir)).toBe(false);
  });

  it('is false when a compiler setting changed after the build', () => {
    write('dist/example1.js', 20);
    write('dist/workers/task.js', 20);
    write('../../tsconfig.base.json', 30);
    expect(isBuildCurrent(packageDir)).toBe(false);
  });
});

describe('buildOrder', () => {
  // A workspace of three packages, linked as pnpm links them: app -> lib -> base, app -> base,
  // and base -> app as a dev dependency (a cycle, as @mc/core and @mc/testing have).
  const workspace = realpathSync(mkdtempSync(join(tmpdir(), 'mc-testing-order-')));
  afterAll(() => rmSync(workspace, { recursive: true, force: true }));
  const manifest = (name: string, workspaceImports: string[], dev: string[] = []) => {
    const dir = join(workspace, name);
    mkdirSync(join(dir, 'node_modules'), { recursive: true });
    const imports = (names: string[]) =>
      Object.fromEntries(names.map((one) => [one, 'workspace:*']));
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({
        name,
        dependencies: { ...imports(workspaceImports), outside: '1.0.0' },
        devDependencies: imports(dev),
      }),
    );
    writeFileSync(join(dir, 'tsconfig.build.json'), '{}');
    return dir;
  };
  const app = manifest('app', ['lib', 'base']);
  const lib = manifest('lib', ['base']);
  const base = manifest('base', [], ['app']);
  for (const [from, to] of [
    [app, lib],
    [app, base],
    [lib, base],
    [base, app],
  ] as const) {
    symlinkSync(to, join(from, 'node_modules', to.split('/').at(-1) as string));
  }

  it('lists what a package imports before it, each once, the package last', () => {
    expect(buildOrder(app)).toEqual([base, lib, app]);
  });

  it('leaves out a package with nothing to compile', () => {
    rmSync(join(lib, 'tsconfig.build.json'));
    expect(buildOrder(app)).toEqual([base, app]);
  });
});
