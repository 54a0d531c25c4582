#!/usr/bin/env node
// Wall time of whole programs, start to exit, ALTERNATED: each round runs every command once (who
// goes first rotates), N rounds, and prints each command's median and range in milliseconds. For
// what a process start costs: a bare `node -e 0` beside a short example, a twin beside its Python
// original, with and without an environment variable. A command is one argument, split on spaces;
// leading NAME=value words are its environment; a first word `node` is this script's own binary.
// The machine is shared: with --max-others P a round in which other processes used more than P%
// of the cores is repeated.
//
//   pnpm exec node tools/bench/start-up.mjs --runs 11 'node -e 0' 'node chapters/chapter03/dist/my_thread.js 0'
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { median } from '@mc/runner';
import { othersPercent, quietSecond, ticks } from './cpu-load.mjs';
import { readOptions } from './options.mjs';

function usage(message) {
  console.error(
    `start-up.mjs: ${message} (usage: start-up.mjs [--runs N] [--max-others P] 'COMMAND'...)`,
  );
  process.exit(2);
}

const argv = process.argv.slice(2);
const options = readOptions(argv, { runs: 11, maxOthers: 100 }, usage);
if (argv.length === 0) usage('no command given');

const commands = argv.map((text) => {
  const words = text.split(' ').filter(Boolean);
  const env = {};
  while (/^[A-Z_][A-Z0-9_]*=/.test(words[0] ?? '')) {
    const [name, ...value] = (words.shift() ?? '').split('=');
    env[name] = value.join('=');
  }
  const [command, ...args] = words;
  if (command === undefined) usage(`'${text}' names no program`);
  return { text, command: command === 'node' ? process.execPath : command, args, env, ms: [] };
});

/** One run's wall milliseconds, or null when other processes used more than allowed. */
async function timed({ text, command, args, env }) {
  if (options.maxOthers < 100) await quietSecond(options.maxOthers);
  const before = ticks();
  const started = performance.now();
  const run = spawnSync(command, args, { env: { ...process.env, ...env }, stdio: 'ignore' });
  const ms = performance.now() - started;
  if (run.error || run.status !== 0) {
    console.error(`start-up.mjs: '${text}' failed: ${run.error?.message ?? `exit ${run.status}`}`);
    process.exit(1);
  }
  return othersPercent(before, ticks()) > options.maxOthers ? null : ms;
}

// One unmeasured run each first: the first start pays for cold caches.
for (const command of commands) await timed(command);
for (let round = 0, tries = 0; round < options.runs && tries < options.runs * 10; tries++) {
  const order = commands.map((_, i) => commands[(i + round) % commands.length]);
  const results = [];
  for (const command of order) results.push(await timed(command));
  if (results.includes(null)) continue;
  for (const [i, command] of order.entries()) command.ms.push(results[i]);
  round++;
}

const width = Math.max(...commands.map(({ text }) => text.length));
console.log(`${process.version}, median of ${commands[0]?.ms.length} alternated rounds:`);
for (const { text, ms } of commands) {
  const range = `${Math.min(...ms).toFixed(0)}-${Math.max(...ms).toFixed(0)}`;
  console.log(`${text.padEnd(width)}  ${median(ms).toFixed(1).padStart(7)} ms  (${range})`);
}
