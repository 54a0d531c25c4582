#!/usr/bin/env node
// A twin against the book's Python original, figure by figure: runs the compiled twin
// (node chapters/chapterNN/dist/<name>.js) and DIR/ChapterNN/<name>.py, ALTERNATELY (who goes
// first alternates too), N rounds, and prints the median of every figure each printed and of every
// ratio asked for, side by side. A figure is a line matching --pattern, whose named groups are
// `label` and `seconds`; `seconds` may hold a list (`0.12, 0.23`), read as that label's 1st, 2nd...
// occurrences. Its n-th occurrence in a run is keyed `label#n`. The default pattern reads the
// book's `Took  1.13 seconds.`, `Time taken:  0.11 seconds.` and `Took: 0.7 seconds.` alike.
// The originals run headless (MPLBACKEND=Agg); --python-path DIR is put on their PYTHONPATH (a
// sitecustomize.py there can print what a plot receives, the original left unchanged). The machine
// is shared: with --max-others P a round in which other processes used more than P% is repeated.
//
//   pnpm build
//   node tools/bench/twins.mjs --example chapter15/example3 --python DIR --ratio 'Took#1/Took#3'
//
// Arguments after `--` go to the twin only.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PYTHON, median, pythonTwinPath } from '@mc/runner';
import { alternate } from './alternate.mjs';
import { DEFAULT_PATTERN, figures } from './figures.mjs';
import { RunFailed } from './measured-run.mjs';
import { readOptions } from './options.mjs';

const repository = fileURLToPath(new URL('../..', import.meta.url));

function usage(message) {
  console.error(
    `twins.mjs: ${message} (usage: twins.mjs --example chapterNN/name --python DIR [--python-bin BIN] [--runs N] [--max-others P] [--pattern REGEX] [--python-path DIR] [--ratio 'A#i/B#j']... [-- twin args...])`,
  );
  process.exit(2);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const options = {
    runs: 5,
    python: undefined,
    pythonBin: DEFAULT_PYTHON,
    maxOthers: 100,
    example: undefined,
    pattern: DEFAULT_PATTERN,
    pythonPath: undefined,
    ratios: [],
  };
  const argv = process.argv.slice(2);
  const dashes = argv.indexOf('--');
  const twinArgs = dashes === -1 ? [] : argv.splice(dashes).slice(1);
  const own = {
    '--python': 'python',
    '--python-bin': 'pythonBin',
    '--example': 'example',
    '--pattern': 'pattern',
    '--python-path': 'pythonPath',
  };
  readOptions(argv, options, usage, {
    all: true,
    take(name, value) {
      if (name === '--ratio') options.ratios.push(value);
      else if (Object.hasOwn(own, name)) options[own[name]] = value;
      else return false;
      return true;
    },
  });
  const [chapter, name] = (options.example ?? '').split('/');
  if (!/^chapter\d\d$/.test(chapter ?? '') || !name) usage('--example must read chapterNN/name');
  if (options.python === undefined) usage('--python DIR is required');
  if (!existsSync(options.python)) usage(`--python ${options.python}: no such folder`);
  for (const ratio of options.ratios) {
    if (!/^[^/]+#\d+\/[^/]+#\d+$/.test(ratio)) usage(`--ratio '${ratio}' is not 'A#i/B#j'`);
  }
  try {
    new RegExp(options.pattern);
  } catch {
    usage(`--pattern is no regular expression: ${options.pattern}`);
  }
  const twin = join(repository, 'chapters', chapter, 'dist', `${name}.js`);
  if (!existsSync(twin)) {
    console.error(
      `twins.mjs: ${twin} does not exist; build it first (pnpm --filter ${chapter} build)`,
    );
    process.exit(1);
  }
  const original = pythonTwinPath(options.python, chapter, name);
  if (!existsSync(original)) usage(`--python ${options.python}: no ${original}`);
  // Inherited by both programs; Node ignores them.
  process.env.MPLBACKEND = 'Agg';
  if (options.pythonPath !== undefined) process.env.PYTHONPATH = options.pythonPath;
  const programs = [
    { label: 'node', command: process.execPath, args: [twin, ...twinArgs] },
    { label: 'python', command: options.pythonBin, args: [original] },
  ];
  const figuresOf = new Map(programs.map(({ label }) => [label, new Map()]));
  const ratiosOf = new Map(programs.map(({ label }) => [label, new Map()]));
  const append = (map, key, value) => map.set(key, [...(map.get(key) ?? []), value]);
  let rounds;
  try {
    ({ kept: rounds } = await alternate(programs, {
      runs: options.runs,
      maxOthers: options.maxOthers,
      read: (stdout) => figures(stdout, options.pattern),
    }));
  } catch (error) {
    if (!(error instanceof RunFailed)) throw error;
    console.error(`twins.mjs: ${error.message}`);
    process.exit(1);
  }
  for (const round of rounds) {
    for (const [label, found] of round) {
      for (const [key, seconds] of found) append(figuresOf.get(label), key, seconds);
      for (const ratio of options.ratios) {
        const [a, b] = ratio.split('/').map((key) => found.get(key));
        if (a !== undefined && b !== undefined) append(ratiosOf.get(label), ratio, a / b);
      }
    }
  }
  const kept = rounds.length;
  if (kept < options.runs) console.log(`only ${kept} of ${options.runs} rounds were quiet enough`);
  console.log(`medians over ${kept} alternated rounds`);
  const cell = (list) => (list ? median(list).toFixed(3) : '-');
  console.log(['figure'.padEnd(28), 'node'.padEnd(8), 'python'].join(' '));
  const keys = [...new Set(programs.flatMap(({ label }) => [...figuresOf.get(label).keys()]))];
  for (const key of [...keys, ...options.ratios]) {
    const source = options.ratios.includes(key) ? ratiosOf : figuresOf;
    const cells = programs.map(({ label }) => cell(source.get(label).get(key)).padEnd(8));
    console.log([key.padEnd(28), ...cells].join(' ').trimEnd());
  }
}
