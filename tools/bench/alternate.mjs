// Rounds of programs run ALTERNATELY (who goes first alternates too, so that neither always runs
// on a machine the other just warmed), each round's runs measured with `measuredRun`: the loop
// behind twins.mjs, scaling.mjs and bench.mjs. A round in which other processes used more than
// `maxOthers` percent of the CPU is discarded and run again (at most `limit` rounds in all).
import { measuredRun } from './measured-run.mjs';

/**
 * Runs `programs` ({ label, command, args, cwd }) alternately until `runs` rounds are kept.
 * `read(stdout, seconds)` turns one run into its figures (a Map). Returns the kept rounds, each a
 * Map label -> figures with the round's `others` (the most any of its runs saw), and `rounds`, how
 * many were run. Throws `RunFailed` when a program fails.
 */
export async function alternate(
  programs,
  { runs, maxOthers = 100, read, limit = 10 * runs, first = 1, log = console.log },
) {
  const kept = [];
  let round = first;
  for (; kept.length < runs && round < first + limit; round++) {
    const order = round % 2 === 1 ? programs : [...programs].reverse();
    const results = [];
    for (const program of order) {
      const { stdout, others, seconds } = await measuredRun(program.command, program.args, {
        maxOthers,
        cwd: program.cwd,
      });
      results.push({ program, found: read(stdout, seconds), others });
    }
    const others = Math.max(...results.map((result) => result.others));
    const discarded = others > maxOthers;
    for (const { program, found, others } of results) {
      const row = [...found].map(([key, value]) => `${key}=${round3(value)}`).join(' ');
      log(
        `round ${round} ${program.label.padEnd(6)} (others ${others.toFixed(0)}%${discarded ? ', discarded' : ''}): ${row}`,
      );
    }
    if (discarded) continue;
    const figures = new Map(results.map(({ program, found }) => [program.label, found]));
    kept.push(Object.assign(figures, { others }));
  }
  return { kept, rounds: round - first };
}

const round3 = (value) => Number(value.toPrecision(4));
