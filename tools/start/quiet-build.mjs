#!/usr/bin/env node
// `node tools/start/quiet-build.mjs [turbo options]`: builds what changed (turbo, cached) and
// prints nothing when the build succeeds, so a start shows only what the reader asked to run;
// when the build fails, it prints the build's own output (the compiler errors) and exits with its
// status. Turbo has no quiet mode: its banner and summary (`Tasks`, `Cached`, `>>> FULL TURBO`)
// would otherwise precede every run. Plain JavaScript: it runs before anything is compiled.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** The repository root: filters name packages from there, whatever the current folder. */
const root = fileURLToPath(new URL('../..', import.meta.url));
const turbo = createRequire(new URL('../../package.json', import.meta.url)).resolve(
  'turbo/bin/turbo',
);

const child = spawn(
  process.execPath,
  [turbo, 'run', 'build', '--output-logs=errors-only', '--ui=stream', ...process.argv.slice(2)],
  {
    cwd: root,
    env: { ...process.env, TURBO_NO_UPDATE_NOTIFIER: '1', TURBO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  },
);
/** @type {Buffer[]} */
const output = [];
child.stdout.on('data', (chunk) => output.push(chunk));
child.stderr.on('data', (chunk) => output.push(chunk));

// On a terminal, a build that takes a while says so on one line, erased when it is done.
const notice = process.stderr.isTTY
  ? setTimeout(() => process.stderr.write('building what changed...'), 1500)
  : undefined;

child.on('close', (code, signal) => {
  clearTimeout(notice);
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  if (code === 0) return;
  process.stderr.write(Buffer.concat(output));
  process.stderr.write(`build failed (${signal ?? `exit status ${code}`}); nothing was run\n`);
  process.exitCode = code ?? 1;
});
