// Examples 5 and 6 beside the book's Python originals, on the same inputs, alternately, and the
// medians of each pool size's time and of each whole run's wall time. The originals run in a
// temporary folder laid out as the book expects (input/ship.jpg is this chapter's launch.jpg,
// enlarged K times with --scale K; input/large_input/ cut from it by the book's generate_input.py;
// output/large_output/), with the Python given. The Python files are only linked there, never
// copied. After a build (pnpm --filter chapter08 build):
//
//   node chapters/chapter08/bench/side-by-side.mjs BOOK_DIR [--python /usr/bin/python3] [--runs 5] [--scale 1]
//
// BOOK_DIR holds Chapter08/. Prints one line per run and figure (`run R Node example5.took#3 0.1234`,
// read by `pnpm bench chapter08`), then a Markdown table. The temporary folder is removed at the end;
// with --scale, this chapter's tiles are cut again at the book's size before it ends. One run of
// each program and side comes first, not printed (a warm-up: the compile cache and the file cache
// filled for both sides).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { enlarge } from '../dist/image/image.js';
import { encode, imread } from '../dist/image/jpeg.js';

const chapter = new URL('..', import.meta.url).pathname;
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    python: { type: 'string', default: '/usr/bin/python3' },
    runs: { type: 'string', default: '5' },
    scale: { type: 'string', default: '1' },
  },
});
const book = positionals[0];
const runs = Number(values.runs);
const scale = Number(values.scale);
if (!book || !(runs >= 1) || !(scale >= 1 && scale <= 8 && Number.isInteger(scale))) {
  process.stderr.write(
    'usage: side-by-side.mjs BOOK_DIR [--python BIN] [--runs N] [--scale 1..8]\n',
  );
  process.exit(2);
}

/** Runs a command, returns its stdout and wall seconds; stops everything if it fails. */
function run(command, args, cwd) {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) {
    process.stderr.write(`${command} ${args.join(' ')} failed:\n${result.stderr}\n`);
    process.exit(1);
  }
  return { stdout: result.stdout, seconds };
}

/** The six times a run printed, for 1 to 6 processes. */
const times = (stdout) =>
  [...stdout.matchAll(/^Took (\d+\.\d+) seconds with \d process\(es\)\.$/gm)].map((m) =>
    Number(m[1]),
  );

const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const folder = mkdtempSync(join(tmpdir(), 'chapter08-python-'));
try {
  mkdirSync(join(folder, 'input', 'large_input'), { recursive: true });
  mkdirSync(join(folder, 'output', 'large_output'), { recursive: true });
  const ship = await imread(join(chapter, 'input', 'launch.jpg'));
  writeFileSync(
    join(folder, 'input', 'ship.jpg'),
    await encode(scale > 1 ? enlarge(ship, scale) : ship),
  );
  for (const file of ['generate_input.py', 'example5.py', 'example6.py']) {
    symlinkSync(join(book, 'Chapter08', file), join(folder, file));
  }
  run(values.python, ['generate_input.py'], folder);
  run(process.execPath, ['dist/generate_input.js', '--scale', String(scale)], chapter);

  for (const example of ['example5', 'example6']) {
    run(process.execPath, [`dist/${example}.js`], chapter);
    run(values.python, [`${example}.py`], folder);
  }
  const results = {};
  for (let r = 0; r < runs; r++) {
    for (const example of ['example5', 'example6']) {
      const sides = [
        ['Node', process.execPath, [`dist/${example}.js`], chapter],
        ['Python', values.python, [`${example}.py`], folder],
      ];
      // Who goes first alternates, run by run.
      for (const [side, command, args, cwd] of r % 2 ? sides.reverse() : sides) {
        const { stdout, seconds } = run(command, args, cwd);
        const key = `${example} ${side}`;
        results[key] ??= { took: [[], [], [], [], [], []], wall: [] };
        for (const [n, t] of times(stdout).entries()) {
          results[key].took[n].push(t);
          console.log(`run ${r + 1} ${side} ${example}.took#${n + 1} ${t.toFixed(4)}`);
        }
        results[key].wall.push(seconds);
        console.log(`run ${r + 1} ${side} ${example}.wall ${seconds.toFixed(4)}`);
      }
    }
  }

  console.log(
    `Tiles ${78 * scale} x ${55 * scale} (scale ${scale}), ${runs} runs each, alternated; medians in seconds.\n`,
  );
  console.log('| program | 1 | 2 | 3 | 4 | 5 | 6 | whole run |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const [key, { took, wall }] of Object.entries(results)) {
    const cells = took.map((list) => median(list).toFixed(3));
    console.log(`| ${key} | ${cells.join(' | ')} | ${median(wall).toFixed(2)} |`);
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
  if (scale > 1) run(process.execPath, ['dist/generate_input.js'], chapter);
}
