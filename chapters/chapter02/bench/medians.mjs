#!/usr/bin/env node
// Runs a compiled example several times, one run after another, and prints the median of every
// `Label: X seconds.` line it prints (the n-th `Took:` of a run is `Took#n`), with the machine's
// load average before each run. Optional ratios of two medians: --ratio 'Sub took#1/Sub took#2'.
//
//   node chapters/chapter02/bench/medians.mjs --runs 5 --ratio 'Sub took#1/Sub took#2' \
//     chapters/chapter02/dist/example1.js
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '5' },
    ratio: { type: 'string', multiple: true, default: [] },
  },
});
const runs = Number(values.runs);
if (positionals.length === 0 || !Number.isInteger(runs) || runs < 1) {
  console.error('usage: medians.mjs [--runs N] [--ratio "A#i/B#j"]... <script.js> [args...]');
  process.exit(2);
}

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Every `Label: X seconds.` figure of one run, keyed `Label#n` by its occurrence. */
function figures(stdout) {
  const seen = new Map();
  const found = new Map();
  for (const line of stdout.split('\n')) {
    const match = /^(.+?): (\d+\.\d+) seconds\.$/.exec(line);
    if (!match) continue;
    const count = (seen.get(match[1]) ?? 0) + 1;
    seen.set(match[1], count);
    found.set(`${match[1]}#${count}`, Number(match[2]));
  }
  return found;
}

const samples = new Map();
const ratioSamples = new Map(values.ratio.map((ratio) => [ratio, []]));
for (let run = 1; run <= runs; run++) {
  const load = loadavg()[0].toFixed(2);
  const stdout = execFileSync(process.execPath, positionals, { encoding: 'utf8' });
  const found = figures(stdout);
  for (const [key, seconds] of found) samples.set(key, [...(samples.get(key) ?? []), seconds]);
  const row = [...found].map(([key, seconds]) => `${key}=${seconds}`).join(' ');
  for (const [ratio, list] of ratioSamples) {
    const [a, b] = ratio.split('/').map((key) => found.get(key));
    list.push(a / b);
  }
  console.log(`run ${run} (load ${load}): ${row}`);
}
for (const [key, list] of samples) console.log(`median ${key}: ${median(list).toFixed(4)} s`);
for (const [ratio, list] of ratioSamples) {
  const [a, b] = ratio.split('/');
  const ofMedians = median(samples.get(a)) / median(samples.get(b));
  console.log(
    `${ratio}: median of per-run ratios ${median(list).toFixed(3)}, ratio of medians ${ofMedians.toFixed(3)}`,
  );
}
