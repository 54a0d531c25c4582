// Child start-up: fork to first message, median of N (default 11), alternating a bare fork of a
// tiny module with a core Process whose target (in a module importing @mc/core) puts its pid on
// a queue. Run after a build: node packages/core/bench/process-start.mjs [N]
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { Process, Queue } from '../dist/multiprocessing/index.js';
import { describeSelf } from '../test/fixtures/processes.mjs';

const rounds = Number(process.argv[2] ?? 11);
const module = new URL('../test/fixtures/processes.mjs', import.meta.url).href;

function bareFork() {
  const started = performance.now();
  const child = fork(new URL('./tiny-child.mjs', import.meta.url), [], {
    execPath: process.execPath,
  });
  return new Promise((resolve) => {
    child.once('message', () => resolve(performance.now() - started));
  }).then(async (ms) => {
    await new Promise((done) => child.once('exit', done));
    return ms;
  });
}

async function coreProcess() {
  const queue = new Queue();
  const started = performance.now();
  const child = new Process({ target: describeSelf, args: [queue, 'bench'], module });
  child.start();
  await queue.get();
  const ms = performance.now() - started;
  await child.join();
  return ms;
}

const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
const bare = [];
const core = [];
for (let round = 0; round < rounds; round++) {
  bare.push(await bareFork());
  core.push(await coreProcess());
}
console.log(`bare fork of a tiny module: median ${median(bare).toFixed(0)} ms (n=${rounds})`);
console.log(`core Process to first queue item: median ${median(core).toFixed(0)} ms (n=${rounds})`);
console.log(`ratio ${(median(core) / median(bare)).toFixed(2)}`);
