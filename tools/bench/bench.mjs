#!/usr/bin/env node
// `pnpm bench [SELECTION] [--python DIR] [--python-bin BIN] [--runs N] [--max-others P] [--noise F]`:
// every benchmark the chapters declare (src/benchmarks.ts, compiled to dist/benchmarks.js), each
// twin against the book's original, alternated round by round (a twin benchmark after one warm-up
// round, not counted; a script benchmark as its script runs, its declaration saying what warms up);
// the median and range of every measure, its target and whether it is met; one table on stdout,
// reports/bench.json and reports/bench.md. SELECTION: chapterNN or chapterNN/benchmark.
// The machine may be shared: every round records the share of the CPU other processes used and
// the load average; a round above --max-others P is run again, and a benchmark whose figures
// spread more than --noise F (range over median, default 0.25) gets as many rounds again, once.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_PYTHON, pythonTwinPath } from '@mc/runner';
import { alternate } from './alternate.mjs';
import { DEFAULT_PATTERN, figures } from './figures.mjs';
import { measuredRun, RunFailed } from './measured-run.mjs';
import { evaluate, spreadOf, summary, warmUpOf } from './measures.mjs';

const repository = fileURLToPath(new URL('../..', import.meta.url));
const USAGE =
  'usage: pnpm bench [chapterNN[/benchmark]]... [--python DIR] [--python-bin BIN] [--runs N] [--max-others P] [--noise F]';

function usage(message) {
  console.error(`bench: ${message}; ${USAGE}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      python: { type: 'string' },
      'python-bin': { type: 'string', default: DEFAULT_PYTHON },
      runs: { type: 'string', default: '5' },
      'max-others': { type: 'string', default: '100' },
      noise: { type: 'string', default: '0.25' },
    },
  });
} catch (error) {
  usage(error.message.split('\n')[0]);
}
const { values, positionals } = parsed;
const runs = Number(values.runs);
const maxOthers = Number(values['max-others']);
const noise = Number(values.noise);
if (!Number.isInteger(runs) || runs < 1) usage('--runs must be a whole number from 1');
if (!(maxOthers >= 0 && maxOthers <= 100)) usage('--max-others must be 0 to 100');
if (!(noise > 0)) usage('--noise must be above 0');
if (values.python !== undefined && !existsSync(values.python)) {
  usage(`--python ${values.python}: no such folder`);
}

// Every chapter that declares benchmarks, and the selection.
const chaptersFolder = join(repository, 'chapters');
const declaring = readdirSync(chaptersFolder)
  .filter((name) => existsSync(join(chaptersFolder, name, 'src', 'benchmarks.ts')))
  .sort();
const chapters = [];
for (const chapter of declaring) {
  const compiled = join(chaptersFolder, chapter, 'dist', 'benchmarks.js');
  if (!existsSync(compiled)) {
    console.error(`bench: ${compiled} does not exist; build first (pnpm build)`);
    process.exit(1);
  }
  const { default: benchmarks } = await import(pathToFileURL(compiled).href);
  chapters.push({ chapter, benchmarks });
}
const all = chapters.flatMap(({ chapter, benchmarks }) =>
  benchmarks.map((benchmark) => ({ chapter, benchmark })),
);
const selected = all.filter(({ chapter, benchmark }) =>
  positionals.length === 0
    ? true
    : positionals.some((token) => token === chapter || token === `${chapter}/${benchmark.name}`),
);
for (const token of positionals) {
  if (
    !all.some(
      ({ chapter, benchmark }) => token === chapter || token === `${chapter}/${benchmark.name}`,
    )
  ) {
    usage(
      `unknown benchmark '${token}'; valid: ${[...declaring, ...all.map(({ chapter, benchmark }) => `${chapter}/${benchmark.name}`)].join(', ')}`,
    );
  }
}

const noisy = (evaluated) =>
  evaluated.some(({ twin, original }) => spreadOf(twin) > noise || spreadOf(original) > noise);

/** A twin benchmark: warm-up round, `runs` kept rounds, once more if noisy. */
async function twinBenchmark(chapter, benchmark) {
  const folder = join(chaptersFolder, chapter);
  const programs = [
    {
      label: 'node',
      command: process.execPath,
      args: [join(folder, 'dist', `${benchmark.example}.js`)],
      cwd: folder,
    },
  ];
  if (values.python !== undefined) {
    const original = pythonTwinPath(values.python, chapter, benchmark.example);
    if (!existsSync(original)) usage(`--python ${values.python}: no ${original}`);
    programs.push({
      label: 'python',
      command: values['python-bin'],
      args: [original],
      cwd: join(original, '..'),
    });
  }
  const pattern = benchmark.pattern ?? DEFAULT_PATTERN;
  const read = (stdout, seconds) => figures(stdout, pattern).set('wall', seconds);
  const log = (line) => console.log(`  ${line}`);
  await alternate(programs, { runs: 1, limit: 1, read, log: (line) => log(`warm-up ${line}`) });
  const first = await alternate(programs, { runs, maxOthers, read, log });
  let rounds = first.kept;
  let repeated = false;
  if (noisy(evaluate(benchmark.measures, rounds))) {
    repeated = true;
    log(`noisy (a figure's range is above ${noise} of its median): ${runs} rounds more`);
    const more = await alternate(programs, { runs, maxOthers, read, log, first: first.rounds + 1 });
    rounds = [...rounds, ...more.kept];
  }
  return { rounds, repeated, others: rounds.map((round) => round.others) };
}

/** A script benchmark: the chapter's own script alternates; once more if noisy. */
async function scriptBenchmark(chapter, benchmark) {
  const folder = join(chaptersFolder, chapter);
  const fill = (list) =>
    list.map((word) =>
      word
        .replace('{runs}', String(runs))
        .replace('{dir}', values.python)
        .replace('{bin}', values['python-bin']),
    );
  const args = [
    join(folder, benchmark.script),
    ...(benchmark.args ?? []),
    ...fill(benchmark.runs),
    ...fill(benchmark.python),
  ];
  const sides = { [benchmark.sides.twin]: 'node', [benchmark.sides.original]: 'python' };
  const once = async (offset) => {
    const { stdout, others } = await measuredRun(process.execPath, args, {
      cwd: folder,
      timeoutSeconds: 3600,
    });
    const byRound = new Map();
    for (const match of stdout.matchAll(new RegExp(benchmark.line.source, 'gm'))) {
      const { round, side, key, value } = match.groups;
      const number = Number(round) + offset;
      if (!byRound.has(number)) byRound.set(number, Object.assign(new Map(), { others }));
      const figures = byRound.get(number);
      const label = sides[side];
      if (!figures.has(label)) figures.set(label, new Map());
      figures.get(label).set(key ?? benchmark.key, Number(value));
      console.log(`  round ${number} ${label} ${key ?? benchmark.key}=${value}`);
    }
    console.log(`  (others used ${others.toFixed(0)}% of the CPU during the script)`);
    return [...byRound.values()];
  };
  let rounds = await once(0);
  let repeated = false;
  if (noisy(evaluate(benchmark.measures, rounds))) {
    repeated = true;
    console.log(`  noisy (a figure's range is above ${noise} of its median): the script once more`);
    rounds = [...rounds, ...(await once(rounds.length))];
  }
  return { rounds, repeated, others: rounds.map((round) => round.others) };
}

const fixed = (x) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(3));
const cell = (s) => (s ? `${fixed(s.median)} (${fixed(s.min)}-${fixed(s.max)})` : '-');
const target = ({ atMost, atLeast }) =>
  [atLeast !== undefined ? `>= ${atLeast}` : '', atMost !== undefined ? `<= ${atMost}` : '']
    .filter(Boolean)
    .join(', ') || '-';
const verdict = (met) => (met === null ? '-' : met ? 'yes' : 'NO');

const report = {
  date: new Date().toISOString(),
  node: process.version,
  python: values.python === undefined ? null : values['python-bin'],
  runs,
  maxOthers,
  noise,
  loadBefore: loadavg(),
  benchmarks: [],
};
for (const { chapter, benchmark } of selected) {
  if (benchmark.kind === 'script' && values.python === undefined) {
    console.log(
      `${chapter}/${benchmark.name}: skipped (it compares with the original: give --python DIR)`,
    );
    continue;
  }
  console.log(`${chapter}/${benchmark.name} (load average ${loadavg()[0].toFixed(1)})`);
  const load = [loadavg()[0]];
  let result;
  try {
    result =
      benchmark.kind === 'twin'
        ? await twinBenchmark(chapter, benchmark)
        : await scriptBenchmark(chapter, benchmark);
  } catch (error) {
    if (!(error instanceof RunFailed)) throw error;
    console.error(`bench: ${error.message}`);
    process.exit(1);
  }
  load.push(loadavg()[0]);
  report.benchmarks.push({
    chapter,
    name: benchmark.name,
    kind: benchmark.kind,
    rounds: result.rounds.length,
    repeated: result.repeated,
    warmUp: warmUpOf(benchmark),
    others: summary(result.others),
    loadAverage: load,
    measures: evaluate(benchmark.measures, result.rounds),
  });
}
report.loadAfter = loadavg();

// The table: one row per measure.
const header = [
  'benchmark',
  'measure',
  'twin',
  'original',
  'compared',
  'target',
  'met',
  'rounds',
  'warm-up',
  'others %',
  'load',
];
const rows = report.benchmarks.flatMap((b) =>
  b.measures.map((m) => [
    `${b.chapter}/${b.name}`,
    `${m.label} (${m.compare === 'twin' ? m.of : `twin/original ${m.of}`})`,
    cell(m.twin),
    cell(m.original),
    cell(m.value),
    target(m),
    verdict(m.met),
    `${b.rounds}${b.repeated ? ' (noisy, repeated)' : ''}`,
    b.warmUp,
    b.others
      ? `${b.others.median.toFixed(0)} (${b.others.min.toFixed(0)}-${b.others.max.toFixed(0)})`
      : '-',
    b.loadAverage.map((x) => x.toFixed(0)).join('-'),
  ]),
);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
const line = (row) =>
  row
    .map((text, i) => text.padEnd(widths[i]))
    .join('  ')
    .trimEnd();
const intro = `Node ${report.node}${report.python ? ` against ${report.python}` : ''}; medians (range) over the kept rounds, the twin and the original alternated ("warm-up": what ran first, per benchmark, not counted); "compared" is the median of the rounds' twin/original ratios (or the twin's own figure); "others %": the share of all cores other processes used during a round; load: the 1-minute load average before-after.`;
console.log(`\n${intro}\n`);
console.log(line(header));
for (const row of rows) console.log(line(row));

const reports = join(repository, 'reports');
mkdirSync(reports, { recursive: true });
writeFileSync(join(reports, 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
const md = [
  '# pnpm bench',
  '',
  intro,
  '',
  `| ${header.join(' | ')} |`,
  `| ${header.map(() => '---').join(' | ')} |`,
  ...rows.map((row) => `| ${row.join(' | ')} |`),
  '',
];
writeFileSync(join(reports, 'bench.md'), md.join('\n'));
console.log(`\nwrote reports/bench.json and reports/bench.md`);
