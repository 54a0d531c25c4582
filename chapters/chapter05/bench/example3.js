// Benchmark of example3 at the book's timings (time scale 1, the server's 250 ms latency):
// the threaded half must take at most 0.35 of the sequential half, median of 3 runs.
//   pnpm --filter chapter05 build && pnpm --filter chapter05 bench
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from '@mc/runner';

const RUNS = 3;
const TARGET = 0.35;
const chapter = fileURLToPath(new URL('..', import.meta.url));

/** Seconds printed on the line that starts with `label` (the book's ` .2f` puts two spaces). */
function seconds(output, label) {
  const match = new RegExp(`^${label}: +(\\d+\\.\\d+) seconds$`, 'm').exec(output);
  if (!match) throw new Error(`no "${label}: X.XX seconds" line in:\n${output}`);
  return Number(match[1]);
}

const ratios = [];
for (let run = 1; run <= RUNS; run += 1) {
  const env = { ...process.env, BOOK_TIME_SCALE: '1' };
  delete env.BOOK_BASE_URL;
  const output = execFileSync(process.execPath, ['dist/example3.js'], {
    cwd: chapter,
    env,
    encoding: 'utf8',
  });
  const sequential = seconds(output, 'Sequential');
  const threading = seconds(output, 'Threading');
  ratios.push(threading / sequential);
  console.log(
    `run ${run}: Sequential ${sequential.toFixed(2)} s, Threading ${threading.toFixed(2)} s, ratio ${(threading / sequential).toFixed(3)}`,
  );
}
const middle = median(ratios);
console.log(`median threaded/sequential: ${middle.toFixed(3)} (target at most ${TARGET})`);
process.exitCode = middle <= TARGET ? 0 : 1;
