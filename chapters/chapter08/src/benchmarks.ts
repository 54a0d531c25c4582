// What `pnpm bench chapter08` measures: examples 5 and 6 beside the book's originals on the same
// tiles (bench/side-by-side.mjs lays the originals' folder out): each pool size's time over the
// original's, and each pool size's time over the same program's 1-process time.
import { type BenchmarkMeasure, defineBenchmarks } from '@mc/runner';

const sizes = [1, 2, 3, 4, 5, 6];

function measuresOf(example: string): BenchmarkMeasure[] {
  return [
    ...sizes.map((size) => ({
      label: `${example}, ${size} process(es)`,
      of: `${example}.took#${size}`,
      compare: 'twin/original' as const,
      atMost: 2,
    })),
    ...sizes.slice(1).map((size) => ({
      label: `${example}, ${size} against 1 process`,
      of: `${example}.took#${size}/${example}.took#1`,
      compare: 'twin' as const,
      atMost: 1.3,
    })),
    { label: `${example}, whole run`, of: `${example}.wall`, compare: 'twin/original' as const },
  ];
}

export default defineBenchmarks([
  {
    name: 'thresholds',
    kind: 'script',
    script: 'bench/side-by-side.mjs',
    runs: ['--runs', '{runs}'],
    python: ['{dir}', '--python', '{bin}'],
    line: /^run (?<round>\d+) (?<side>Node|Python) (?<key>\S+) (?<value>\d+\.\d+)$/,
    sides: { twin: 'Node', original: 'Python' },
    warmUp: 'one run of each program and side',
    measures: [...measuresOf('example5'), ...measuresOf('example6')],
  },
]);
