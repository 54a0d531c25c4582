#!/usr/bin/env node
// Runs a compiled example several times, one run after another, and prints the median of every
// `Label: X seconds.` or `Took  X seconds.` line it prints (figures.mjs; the n-th `Took` of a run
// is `Took#n`), and the ratios asked for with --ratio 'A#i/B#j'. The machine is shared: each run also reports how much of the CPU
// other processes used meanwhile (Linux /proc), and with --max-others P a run in which they used
// more than P% of all cores is discarded and repeated (at most 10 times as many runs in all); each
// run then also waits (up to 10 minutes) for a second in which others use no more than P%.
//
//   node tools/bench/medians.mjs --runs 5 --max-others 10 \
//     --ratio 'Sub took#1/Sub took#2' chapters/chapter02/dist/example1.js
//
// Options come before the script; what follows the script is passed to it.
import { existsSync } from 'node:fs';
import { median } from '@mc/runner';
import { figures, ratioOf } from './figures.mjs';
import { measuredRun, RunFailed } from './measured-run.mjs';
import { readOptions } from './options.mjs';

function usage(message) {
  console.error(
    `medians.mjs: ${message} (usage: medians.mjs [--runs N] [--max-others P] [--ratio 'A#i/B#j']... <script.js> [args...])`,
  );
  process.exit(2);
}

const argv = process.argv.slice(2);
const options = { runs: 5, maxOthers: 100, ratios: [] };
readOptions(argv, options, usage, {
  take(name, value) {
    if (name !== '--ratio') return false;
    options.ratios.push(value);
    return true;
  },
});
if (argv.length === 0) usage('no script given');
for (const ratio of options.ratios) {
  if (!/^[^/]+#\d+\/[^/]+#\d+$/.test(ratio)) usage(`--ratio ${ratio} is not 'A#i/B#j'`);
}
if (!existsSync(argv[0])) usage(`no such script: ${argv[0]}`);

const samples = new Map();
const ratioSamples = new Map(options.ratios.map((ratio) => [ratio, []]));
let kept = 0;
for (let attempt = 1; kept < options.runs && attempt <= 10 * options.runs; attempt++) {
  let run;
  try {
    run = await measuredRun(process.execPath, argv, { maxOthers: options.maxOthers });
  } catch (error) {
    if (!(error instanceof RunFailed)) throw error;
    console.error(`medians.mjs: ${error.message}`);
    process.exit(1);
  }
  const { stdout, others } = run;
  const found = figures(stdout);
  const row = [...found].map(([key, seconds]) => `${key}=${seconds}`).join(' ');
  const discarded = others > options.maxOthers;
  console.log(
    `run ${attempt} (others used ${others.toFixed(0)}% of the CPU${discarded ? ', discarded' : ''}): ${row}`,
  );
  if (discarded) continue;
  kept++;
  for (const [key, seconds] of found) samples.set(key, [...(samples.get(key) ?? []), seconds]);
  for (const [ratio, list] of ratioSamples) list.push(ratioOf(found, ratio));
}
if (kept < options.runs) console.log(`only ${kept} of ${options.runs} runs were quiet enough`);
for (const [key, list] of samples) console.log(`median ${key}: ${median(list).toFixed(4)} s`);
for (const [ratio, list] of ratioSamples) {
  const [a, b] = ratio.split('/');
  const ofMedians = median(samples.get(a) ?? []) / median(samples.get(b) ?? []);
  console.log(
    `${ratio}: median of per-run ratios ${median(list).toFixed(3)}, ratio of medians ${ofMedians.toFixed(3)}`,
  );
}
