// What `pnpm bench chapter18` measures: the reactor's (example6) requests per second with 200
// clients, the twin's over the original's (bench/reactor.mjs alternates them, run by run).
import { defineBenchmarks } from '@mc/runner';

export default defineBenchmarks([
  {
    name: 'reactor',
    kind: 'script',
    script: 'bench/reactor.mjs',
    args: ['--idle-seconds', '0.5'],
    runs: ['--runs', '{runs}'],
    python: ['--python', '{dir}', '--python-bin', '{bin}'],
    line: /^run (?<round>\d+) (?<side>twin|original) +(?<value>\d+) req\/s/,
    key: 'requests/s',
    sides: { twin: 'twin', original: 'original' },
    measures: [
      { label: 'requests/s, 200 clients', of: 'requests/s', compare: 'twin/original', atLeast: 1 },
    ],
  },
]);
