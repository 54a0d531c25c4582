#!/usr/bin/env node
// How well an example scales, the TypeScript twin against the book's Python original on the same
// machine: runs the compiled twin (node chapters/chapterNN/dist/<name>.js) and, with --python DIR,
// DIR/ChapterNN/<name>.py with python3, ALTERNATELY (who goes first alternates too), N rounds. For
// each label a run prints once per worker count (`Sub took`, `Took`), the speedup at k workers is
// the 1-worker figure over the k-worker one; it prints, side by side, the median of the per-round
// speedups, the ratio of the median times and the ratio of the best times (other processes only
// ever add time, so the best times are the nearest to a quiet machine's). The machine is shared:
// each run reports how much of the CPU other processes used, and with --max-others P a round in
// which they used more than P% is discarded and repeated.
//
//   pnpm build
//   node tools/bench/scaling.mjs --runs 5 --python DIR [--python-bin /usr/bin/python3]
//   node tools/bench/scaling.mjs --example chapter01/example1 --python DIR -- --workers cores
//
// Arguments after `--` go to the twin only.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PYTHON, median, pythonTwinPath } from '@mc/runner';
import { figures } from './figures.mjs';
import { measuredRun, RunFailed } from './measured-run.mjs';
import { readOptions } from './options.mjs';

const repository = fileURLToPath(new URL('../..', import.meta.url));

function usage(message) {
  console.error(
    `scaling.mjs: ${message} (usage: scaling.mjs [--runs N] [--python DIR] [--python-bin BIN] [--max-others P] [--example chapterNN/name] [-- twin args...])`,
  );
  process.exit(2);
}

const options = {
  runs: 5,
  python: undefined,
  pythonBin: DEFAULT_PYTHON,
  maxOthers: 100,
  example: 'chapter02/example1',
};
const argv = process.argv.slice(2);
const dashes = argv.indexOf('--');
const twinArgs = dashes === -1 ? [] : argv.splice(dashes).slice(1);
const own = { '--python': 'python', '--python-bin': 'pythonBin', '--example': 'example' };
readOptions(argv, options, usage, {
  all: true,
  take(name, value) {
    if (!Object.hasOwn(own, name)) return false;
    options[own[name]] = value;
    return true;
  },
});
const [chapter, name] = options.example.split('/');
if (!/^chapter\d\d$/.test(chapter ?? '') || !name) usage('--example must read chapterNN/name');
const twin = join(repository, 'chapters', chapter, 'dist', `${name}.js`);
if (!existsSync(twin)) {
  console.error(
    `scaling.mjs: ${twin} does not exist; build it first (pnpm --filter ${chapter} build)`,
  );
  process.exit(1);
}
const programs = [{ label: 'node', command: process.execPath, args: [twin, ...twinArgs] }];
if (options.python !== undefined) {
  if (!existsSync(options.python)) usage(`--python ${options.python}: no such folder`);
  const original = pythonTwinPath(options.python, chapter, name);
  if (!existsSync(original)) usage(`--python ${options.python}: no ${original}`);
  programs.push({ label: 'python', command: options.pythonBin, args: [original] });
}

/** Every speedup of one run: for each label, its 1-worker figure over its k-worker figure. */
function speedups(found) {
  const result = new Map();
  for (const [key, seconds] of found) {
    const [label, k] = key.split('#');
    const one = found.get(`${label}#1`);
    if (k !== '1' && one !== undefined) result.set(`${label}#1/${label}#${k}`, one / seconds);
  }
  return result;
}

/** Per program: every speedup of every kept round, and every figure (seconds) of every kept round. */
const samples = new Map(programs.map(({ label }) => [label, new Map()]));
const times = new Map(programs.map(({ label }) => [label, new Map()]));
const append = (map, key, value) => map.set(key, [...(map.get(key) ?? []), value]);
let kept = 0;
for (let round = 1; kept < options.runs && round <= 10 * options.runs; round++) {
  // Alternate who goes first, so that neither always runs on a machine the other just warmed.
  const order = round % 2 === 1 ? programs : [...programs].reverse();
  const results = [];
  for (const program of order) {
    try {
      const { stdout, others } = await measuredRun(program.command, program.args, options);
      results.push({ program, found: figures(stdout), others });
    } catch (error) {
      if (!(error instanceof RunFailed)) throw error;
      console.error(`scaling.mjs: ${error.message}`);
      process.exit(1);
    }
  }
  const discarded = results.some(({ others }) => others > options.maxOthers);
  for (const { program, found, others } of results) {
    const row = [...found].map(([key, seconds]) => `${key}=${seconds}`).join(' ');
    const ratios = [...speedups(found)].map(([key, x]) => `${key}=${x.toFixed(3)}`).join(' ');
    console.log(
      `round ${round} ${program.label.padEnd(6)} (others ${others.toFixed(0)}%${discarded ? ', discarded' : ''}): ${row}  ${ratios}`,
    );
  }
  if (discarded) continue;
  kept++;
  for (const { program, found } of results) {
    for (const [key, x] of speedups(found)) append(samples.get(program.label), key, x);
    for (const [key, seconds] of found) append(times.get(program.label), key, seconds);
  }
}
if (kept < options.runs) console.log(`only ${kept} of ${options.runs} rounds were quiet enough`);
console.log(
  `speedup over ${kept} alternated rounds: median of the per-round ratios (ratio of the median times; of the best times)`,
);
/** One cell: the three estimates of one speedup `A#1/A#k` for one program. */
function cell(label, key) {
  const list = samples.get(label).get(key);
  if (!list) return '-';
  const [one, many] = key.split('/').map((figure) => times.get(label).get(figure));
  const ofMedians = median(one) / median(many);
  const ofBest = Math.min(...one) / Math.min(...many);
  return `${median(list).toFixed(3)} (${ofMedians.toFixed(3)}; ${ofBest.toFixed(3)})`;
}
const keys = [...(samples.get('node')?.keys() ?? [])];
console.log(
  ['ratio'.padEnd(24), ...programs.map(({ label }) => label.padEnd(23))].join(' ').trimEnd(),
);
for (const key of keys) {
  const cells = programs.map(({ label }) => cell(label, key).padEnd(23));
  console.log([key.padEnd(24), ...cells].join(' ').trimEnd());
}
