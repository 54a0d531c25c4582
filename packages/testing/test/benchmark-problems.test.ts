import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { benchmarkProblems, type DeclaredBenchmark } from '../src/index.js';

const chapterDir = mkdtempSync(join(tmpdir(), 'mc-testing-benchmarks-'));
mkdirSync(join(chapterDir, 'src'), { recursive: true });
mkdirSync(join(chapterDir, 'bench'), { recursive: true });
writeFileSync(
  join(chapterDir, 'src', 'example1.ts'),
  "print('Sub took:', sub, 'seconds.');\nprint('Took:', all, 'seconds.');\n",
);
writeFileSync(join(chapterDir, 'bench', 'echo.mjs'), '');
afterAll(() => rmSync(chapterDir, { recursive: true, force: true }));

const twin: DeclaredBenchmark = {
  name: 'speedup',
  kind: 'twin',
  example: 'example1',
  measures: [
    { label: 'speedup', of: 'Sub took#1/Sub took#2', compare: 'twin/original', atLeast: 1 },
    { label: 'whole run', of: 'wall', compare: 'twin/original' },
  ],
};
const script: DeclaredBenchmark = {
  name: 'echo',
  kind: 'script',
  script: 'bench/echo.mjs',
  runs: ['--rounds', '{runs}'],
  python: ['--python', '{dir}'],
  line: /^round (?<round>\d+) (?<side>node|python): (?<value>\d+) messages\/s/,
  key: 'messages/s',
  sides: { twin: 'node', original: 'python' },
  measures: [{ label: 'messages/s', of: 'messages/s', compare: 'twin/original', atLeast: 1 }],
};

describe('benchmarkProblems', () => {
  it('accepts a twin benchmark and a script benchmark as pnpm bench reads them', () => {
    expect(benchmarkProblems([twin, script], chapterDir)).toEqual([]);
  });

  it('names a missing example or script, a figure nobody prints, and a line that cannot be read', () => {
    const problems = benchmarkProblems(
      [
        {
          ...twin,
          measures: [
            { label: 'a', of: 'Total took#1', compare: 'twin' },
            { label: 'b', of: 'Took', compare: 'twin' },
          ],
        },
        { ...twin, name: 'gone', example: 'example9' },
        {
          ...script,
          script: 'bench/missing.mjs',
          line: /^round (?<round>\d+): (?<value>\d+)/,
          runs: ['--rounds', '3'],
        },
      ],
      chapterDir,
    );
    expect(problems).toEqual([
      "speedup, 'a': 'Total took' is printed nowhere in the example's source",
      "speedup, 'b': 'Took' is not 'wall' nor a figure 'Label#n'",
      'gone: there is no src/example9.ts',
      'echo: there is no bench/missing.mjs',
      "echo: its line has no group 'side'",
      'echo: its runs arguments never say {runs}',
    ]);
  });

  it('names measures that cannot be judged: another figure than the script gives, a bad comparison, crossed targets', () => {
    const problems = benchmarkProblems(
      [
        {
          ...script,
          measures: [
            { label: 'x', of: 'requests/s', compare: 'twin/original' },
            { label: 'y', of: 'messages/s', compare: 'original', atLeast: 2, atMost: 1 },
            { label: 'y', of: 'messages/s', compare: 'twin' },
          ],
        },
      ],
      chapterDir,
    );
    expect(problems).toEqual([
      "echo, 'x': 'requests/s' is not the script's one figure 'messages/s'",
      "echo, 'y': compare is 'original', not 'twin/original' or 'twin'",
      "echo, 'y': at least 2 but at most 1",
      "echo, 'y': two measures have this label",
    ]);
    expect(benchmarkProblems([], chapterDir)).toEqual(['no benchmark is declared']);
  });
});
