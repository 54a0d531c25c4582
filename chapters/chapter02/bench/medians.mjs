#!/usr/bin/env node
// Runs a compiled example several times, one run after another, and prints the median of every
// `Label: X seconds.` line it prints (the n-th `Took:` of a run is `Took#n`), and the ratios asked
// for with --ratio 'A#i/B#j'. The machine is shared: each run also reports how much of the CPU
// other processes used meanwhile (Linux /proc), and with --max-others P a run in which they used
// more than P% of all cores is discarded and repeated (at most 10 times as many runs in all); each
// run then also waits (up to 10 minutes) for a second in which others use no more than P%.
//
//   node chapters/chapter02/bench/medians.mjs --runs 5 --max-others 10 \
//     --ratio 'Sub took#1/Sub took#2' chapters/chapter02/dist/example1.js
//
// Options come before the script; what follows the script is passed to it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

function usage(message) {
  console.error(`${message}
usage: medians.mjs [--runs N] [--max-others P] [--ratio 'A#i/B#j']... <script.js> [args...]`);
  process.exit(2);
}

const options = { runs: 5, maxOthers: 100, ratios: [] };
const argv = process.argv.slice(2);
while (argv[0]?.startsWith('--')) {
  const [name, value] = [argv.shift(), argv.shift()];
  if (value === undefined) usage(`${name} needs a value`);
  if (name === '--runs') options.runs = Number(value);
  else if (name === '--max-others') options.maxOthers = Number(value);
  else if (name === '--ratio') options.ratios.push(value);
  else usage(`unknown option ${name}`);
}
if (argv.length === 0) usage('no script given');
if (!Number.isInteger(options.runs) || options.runs < 1) usage('--runs must be at least 1');

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Busy and total clock ticks of all cores, and the ticks of this process's waited-for children. */
function ticks() {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = fields.map(Number);
  const total = user + nice + system + idle + iowait + irq + softirq + steal;
  // Fields 16 and 17 of /proc/self/stat (after the command name) are cutime and cstime.
  const self = readFileSync('/proc/self/stat', 'utf8');
  const after = self.slice(self.lastIndexOf(')') + 2).split(' ');
  const children = Number(after[13]) + Number(after[14]);
  return { busy: total - idle - iowait, total, children };
}

/** The share of all cores, in percent, that other processes used between two `ticks()`. */
function othersPercent(before, after) {
  const others = after.busy - before.busy - (after.children - before.children);
  return (100 * Math.max(0, others)) / Math.max(1, after.total - before.total);
}

/** Waits for a second in which other processes use at most `limit` percent of the CPU. */
async function quietSecond(limit) {
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    const before = ticks();
    await sleep(1000);
    if (othersPercent(before, ticks()) <= limit) return;
  }
}

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
const ratioSamples = new Map(options.ratios.map((ratio) => [ratio, []]));
let kept = 0;
for (let attempt = 1; kept < options.runs && attempt <= 10 * options.runs; attempt++) {
  if (options.maxOthers < 100) await quietSecond(options.maxOthers);
  const before = ticks();
  const stdout = execFileSync(process.execPath, argv, { encoding: 'utf8' });
  const after = ticks();
  const others = othersPercent(before, after);
  const found = figures(stdout);
  const row = [...found].map(([key, seconds]) => `${key}=${seconds}`).join(' ');
  const discarded = others > options.maxOthers;
  console.log(
    `run ${attempt} (others used ${others.toFixed(0)}% of the CPU${discarded ? ', discarded' : ''}): ${row}`,
  );
  if (discarded) continue;
  kept++;
  for (const [key, seconds] of found) samples.set(key, [...(samples.get(key) ?? []), seconds]);
  for (const [ratio, list] of ratioSamples) {
    const [a, b] = ratio.split('/').map((key) => found.get(key));
    list.push(a / b);
  }
}
if (kept < options.runs) console.log(`only ${kept} of ${options.runs} runs were quiet enough`);
for (const [key, list] of samples) console.log(`median ${key}: ${median(list).toFixed(4)} s`);
for (const [ratio, list] of ratioSamples) {
  const [a, b] = ratio.split('/');
  const ofMedians = median(samples.get(a)) / median(samples.get(b));
  console.log(
    `${ratio}: median of per-run ratios ${median(list).toFixed(3)}, ratio of medians ${ofMedians.toFixed(3)}`,
  );
}
