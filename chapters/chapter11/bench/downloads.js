// Benchmark of examples 5 and 6 (five downloads at once, then one after another) at the book's
// timings, the twins beside the book's Python originals when --python DIR is given, ALTERNATELY
// (who goes first rotates each round), N rounds; medians of each program's `Took` and wall time.
// The originals reach the same imitated sites through the pages server as an HTTP proxy: requests
// reads HTTP_PROXY; aiohttp only with trust_env=True, which a sitecustomize.py written by this
// script (on PYTHONPATH, for the originals only) makes the default. Then checks that twin and
// original wrote the same bytes (example4's stdout, example5's and example6's files).
//
//   pnpm --filter chapter11 build
//   pnpm --filter chapter11 bench -- --runs 5 --python /path/to/book --python-bin /usr/bin/python3
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { startPagesServer } from '@mc/pages-server';
import { median } from '@mc/runner';

const chapter = fileURLToPath(new URL('..', import.meta.url));
const USAGE = 'usage: downloads.js [--runs N] [--python DIR] [--python-bin BIN]';

function options() {
  try {
    const { values } = parseArgs({
      options: {
        runs: { type: 'string', default: '5' },
        python: { type: 'string' },
        'python-bin': { type: 'string', default: 'python3' },
      },
    });
    const runs = Number(values.runs);
    if (!Number.isInteger(runs) || runs < 1)
      throw new Error(`--runs must be a whole number of at least 1, got '${values.runs}'`);
    return { runs, python: values.python, pythonBin: values['python-bin'] };
  } catch (error) {
    console.error(`${error.message.split('\n')[0]}; ${USAGE}`);
    process.exit(2);
  }
}

/** Makes aiohttp read HTTP_PROXY, as requests does: only the originals load it. */
const SITECUSTOMIZE = `import functools
import aiohttp

_init = aiohttp.ClientSession.__init__


@functools.wraps(_init)
def _trust_env(self, *args, **kwargs):
    kwargs.setdefault('trust_env', True)
    _init(self, *args, **kwargs)


aiohttp.ClientSession.__init__ = _trust_env
`;

const { runs, python, pythonBin } = options();
const work = mkdtempSync(join(tmpdir(), 'chapter11-bench-'));
const pages = await startPagesServer({ timeScale: 1 });
try {
  mkdirSync(join(work, 'shim'));
  writeFileSync(join(work, 'shim', 'sitecustomize.py'), SITECUSTOMIZE);
  const env = { ...process.env, BOOK_TIME_SCALE: '1' };
  for (const name of ['BOOK_ONLINE', 'NO_PROXY', 'no_proxy', 'HTTP_PROXY', 'http_proxy'])
    delete env[name];
  const pythonEnv = {
    ...env,
    HTTP_PROXY: pages.url,
    http_proxy: pages.url,
    PYTHONPATH: join(work, 'shim'),
  };

  /** Each program, run in a folder of its own with an output/ folder, as the book's need. */
  const programs = [5, 6].flatMap((k) => [
    {
      label: `node example${k}`,
      k,
      command: process.execPath,
      args: [join(chapter, `dist/example${k}.js`)],
      env,
    },
    ...(python
      ? [
          {
            label: `python example${k}`,
            k,
            command: pythonBin,
            args: [join(python, 'Chapter11', `example${k}.py`)],
            env: pythonEnv,
          },
        ]
      : []),
  ]);
  for (const program of programs) {
    program.cwd = join(work, program.label.replace(' ', '-'));
    mkdirSync(join(program.cwd, 'output'), { recursive: true });
    program.took = [];
    program.wall = [];
  }

  const run = async (program) => {
    const start = performance.now();
    const { stdout } = await promisify(execFile)(program.command, program.args, {
      cwd: program.cwd,
      env: program.env,
    });
    const wall = (performance.now() - start) / 1000;
    const took = /^Took (\d+\.\d+) seconds\.$/m.exec(stdout);
    if (!took)
      throw new Error(`${program.label}: no "Took N seconds." line in ${JSON.stringify(stdout)}`);
    return { took: Number(took[1]), wall };
  };

  for (let round = 0; round < runs; round += 1) {
    const order = programs.map((_, i) => programs[(i + round) % programs.length]);
    const line = [];
    for (const program of order) {
      const { took, wall } = await run(program);
      program.took.push(took);
      program.wall.push(wall);
      line.push(`${program.label} ${took.toFixed(2)}`);
    }
    console.log(`round ${round + 1}: ${line.join(', ')}`);
  }

  console.log(`\nmedians of ${runs} rounds (Took, then the process's wall time), seconds:`);
  for (const program of programs) {
    console.log(
      `  ${program.label.padEnd(16)} Took ${median(program.took).toFixed(2)}  wall ${median(program.wall).toFixed(2)}`,
    );
  }
  for (const runtime of python ? ['node', 'python'] : ['node']) {
    const [five, six] = [5, 6].map((k) =>
      programs.find((p) => p.label === `${runtime} example${k}`),
    );
    console.log(
      `  ${runtime}: sequential / concurrent = ${(median(six.took) / median(five.took)).toFixed(2)}`,
    );
  }

  if (python) {
    const same = (k) => {
      const files = (label) => {
        const folder = join(work, label, 'output');
        return readdirSync(folder)
          .sort()
          .map((name) => [name, readFileSync(join(folder, name))]);
      };
      const mine = files(`node-example${k}`);
      const theirs = files(`python-example${k}`);
      return (
        mine.length === theirs.length &&
        mine.every(([name, bytes], i) => name === theirs[i][0] && bytes.equals(theirs[i][1]))
      );
    };
    const example4 = await Promise.all([
      promisify(execFile)(process.execPath, [join(chapter, 'dist/example4.js')], { env }),
      promisify(execFile)(pythonBin, [join(python, 'Chapter11', 'example4.py')], {
        env: pythonEnv,
      }),
    ]);
    console.log('\nsame bytes as the original:');
    console.log(`  example4 stdout: ${example4[0].stdout === example4[1].stdout ? 'yes' : 'NO'}`);
    for (const k of [5, 6]) console.log(`  example${k} files: ${same(k) ? 'yes' : 'NO'}`);
  }
} finally {
  await pages.close();
  rmSync(work, { recursive: true, force: true });
}
