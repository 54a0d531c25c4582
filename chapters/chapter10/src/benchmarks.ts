// What `pnpm bench chapter10` measures: the echo server's messages per second at 50 connections,
// the twin's over the original's (bench/echo-throughput.mjs alternates them, round by round).
import { defineBenchmarks } from '@mc/runner';

export default defineBenchmarks([
  {
    name: 'echo',
    kind: 'script',
    script: 'bench/echo-throughput.mjs',
    runs: ['--rounds', '{runs}'],
    python: ['--python', '{dir}', '--python-bin', '{bin}'],
    line: /^round (?<round>\d+) (?<side>node|python): (?<value>\d+) messages\/s/,
    key: 'messages/s',
    sides: { twin: 'node', original: 'python' },
    measures: [
      {
        label: 'messages/s, 50 connections',
        of: 'messages/s',
        compare: 'twin/original',
        atLeast: 1,
      },
    ],
  },
]);
