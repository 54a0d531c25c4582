// The reactor under load, the twin (dist/example6.js) beside the book's example6.py, alternately,
// in the same run; then what a client that leaves without quit costs each server (examples 1, 3, 6)
// while it is idle. Build first (pnpm --filter chapter18 build). From chapters/chapter18:
//
//   node bench/reactor.mjs --runs 5 --python path/to/Mastering-Concurrency-in-Python --python-bin /usr/bin/python3
//
// Each run: start the server, put the load on it (src/load-client.ts: --clients connected at once,
// --requests questions each, every answer checked; the clients then close their connections, so
// that the book's server, which sets no SO_REUSEADDR, can listen on 8080 again at once), and read from /proc the server's CPU time
// during the load and its memory (VmRSS) before, right after, and once the clients have left.
// The book's servers listen on 8080 only, so that port must be free when --python is given.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { median } from '@mc/runner';
import { runLoad } from '../dist/load-client.js';

const chapter = fileURLToPath(new URL('..', import.meta.url));
const LISTENING = /waiting for call on localhost (\d+)\n/;

function usage(message) {
  process.stderr.write(
    `${message}; usage: reactor.mjs [--runs N] [--clients N] [--requests N] [--idle-seconds S] [--python DIR [--python-bin BIN]]\n`,
  );
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' },
      clients: { type: 'string', default: '200' },
      requests: { type: 'string', default: '100' },
      'idle-seconds': { type: 'string', default: '2' },
      python: { type: 'string' },
      'python-bin': { type: 'string', default: 'python3' },
    },
  }));
} catch (error) {
  usage(error.message.split('\n')[0]);
}
const whole = (name) => {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < 1)
    usage(`--${name} must be a whole number of at least 1`);
  return value;
};
const runs = whole('runs');
const clients = whole('clients');
const requests = whole('requests');
const idleSeconds = Number(values['idle-seconds']);
if (!(idleSeconds > 0)) usage('--idle-seconds must be a positive number');

/** The load: every client leaves without quit (see above). */
const load = (port) => ({ port, clients, requestsPerClient: requests, leave: 'drop' });

/** utime and stime of a process (in user code, in the kernel), in seconds. */
function cpuTimes(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { user: Number(fields[11]) / 100, system: Number(fields[12]) / 100 };
}

function cpuSeconds(pid) {
  const { user, system } = cpuTimes(pid);
  return user + system;
}

function rssMegabytes(pid) {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

/** The servers to compare: name -> how to start it. */
function server(kind, example) {
  if (kind === 'twin') {
    return {
      command: process.execPath,
      args: [join(chapter, 'dist', `${example}.js`), '--port', '0'],
    };
  }
  // Unbuffered, as at a terminal: each log line is written at once, as the twin writes it.
  return {
    command: values['python-bin'],
    args: ['-u', join(values.python, 'Chapter18', `${example}.py`)],
  };
}

/** Starts a server and waits for its start-up line; counts the log lines that match `counted`. */
async function start(kind, example) {
  const { command, args } = server(kind, example);
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  // If this script dies (a closed output pipe, Ctrl+C), its server goes with it.
  const orphan = () => child.kill('SIGKILL');
  process.once('exit', orphan);
  child.once('exit', () => process.off('exit', orphan));
  let log = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text) => {
    stderr += text;
  });
  child.stdout.setEncoding('utf8');
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${kind} ${example} did not start: ${stderr}`)),
      10_000,
    );
    child.stdout.on('data', (text) => {
      log = (log + text).slice(-4096);
      const match = LISTENING.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', () => reject(new Error(`${kind} ${example} exited: ${stderr.trim()}`)));
  });
  let quits = 0;
  let partial = '';
  child.stdout.on('data', (text) => {
    const lines = (partial + text).split('\n');
    partial = lines.pop();
    quits += lines.filter((line) => line.endsWith(' quit')).length;
  });
  const stop = async () => {
    const exited = once(child, 'exit');
    child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  return { pid: child.pid, port, quits: () => quits, stop };
}

async function waitFor(check, seconds = 30) {
  const deadline = Date.now() + seconds * 1000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('gave up waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function loadRun(kind) {
  const running = await start(kind, 'example6');
  try {
    const rssStart = rssMegabytes(running.pid);
    const cpuBefore = cpuTimes(running.pid);
    const report = await runLoad(load(running.port));
    const cpuAfter = cpuTimes(running.pid);
    const system = cpuAfter.system - cpuBefore.system;
    const cpu = cpuAfter.user - cpuBefore.user + system;
    const rssLoaded = rssMegabytes(running.pid);
    await waitFor(() => running.quits() >= clients);
    // A second load: memory once the first one's clients have all left, and after the second's.
    const rssLeft = rssMegabytes(running.pid);
    const warmBefore = cpuSeconds(running.pid);
    const again = await runLoad(load(running.port));
    const warmCpu = cpuSeconds(running.pid) - warmBefore;
    await waitFor(() => running.quits() >= 2 * clients);
    const rssAgain = rssMegabytes(running.pid);
    return { report, again, cpu, system, warmCpu, rssStart, rssLoaded, rssLeft, rssAgain };
  } finally {
    await running.stop();
  }
}

/** CPU share of the server over `idleSeconds` after a client left without quit. */
async function idleRun(kind, example) {
  const running = await start(kind, example);
  try {
    const socket = connect(running.port, '127.0.0.1');
    await once(socket, 'connect');
    socket.write('2,3\r\n');
    let received = '';
    socket.setEncoding('latin1').on('data', (text) => {
      received += text;
    });
    await waitFor(() => /'(5|2,3)'/.test(received), 10);
    socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = cpuSeconds(running.pid);
    await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
    return (cpuSeconds(running.pid) - before) / idleSeconds;
  } finally {
    await running.stop();
  }
}

const kinds = values.python ? ['twin', 'original'] : ['twin'];
const results = Object.fromEntries(kinds.map((kind) => [kind, []]));
for (let run = 1; run <= runs; run += 1) {
  const order = run % 2 === 1 ? kinds : [...kinds].reverse();
  for (const kind of order) {
    const result = await loadRun(kind);
    results[kind].push(result);
    const { report, again } = result;
    console.log(
      `run ${run} ${kind.padEnd(8)} ${report.requestsPerSecond.toFixed(0)} req/s (${again.requestsPerSecond.toFixed(0)} the second time), ` +
        `${report.answered + again.answered} answers, ${report.wrong + again.wrong} wrong, ${report.errors + again.errors} errors, ` +
        `server CPU ${((result.cpu / report.answered) * 1e6).toFixed(1)} µs a request (${((result.system / report.answered) * 1e6).toFixed(1)} in the kernel), ` +
        `RSS ${result.rssStart.toFixed(1)} -> ${result.rssLoaded.toFixed(1)} loaded -> ${result.rssLeft.toFixed(1)} left -> ${result.rssAgain.toFixed(1)} MB after a second load` +
        (report.problems.length ? `; ${report.problems.join('; ')}` : ''),
    );
  }
}

console.log(`\nmedians of ${runs} runs, ${clients} clients x ${requests} requests:`);
const medianOf = (kind, pick) => median(results[kind].map(pick));
for (const kind of kinds) {
  console.log(
    `${kind.padEnd(8)} ${medianOf(kind, (r) => r.report.requestsPerSecond).toFixed(0)} req/s ` +
      `(${medianOf(kind, (r) => r.again.requestsPerSecond).toFixed(0)} the second time), ` +
      `server CPU ${medianOf(kind, (r) => (r.cpu / r.report.answered) * 1e6).toFixed(1)} µs a request ` +
      `(${medianOf(kind, (r) => (r.system / r.report.answered) * 1e6).toFixed(1)} in the kernel; ` +
      `${medianOf(kind, (r) => (r.warmCpu / r.again.answered) * 1e6).toFixed(1)} the second time), ` +
      `RSS ${medianOf(kind, (r) => r.rssLeft).toFixed(1)} MB after the clients left, ${medianOf(kind, (r) => r.rssAgain).toFixed(1)} MB after a second load`,
  );
}
if (values.python) {
  const ratio = (pick) =>
    median(results.twin.map((r, i) => pick(r) / pick(results.original[i]))).toFixed(2);
  console.log(
    `twin / original throughput: ${ratio((r) => r.report.requestsPerSecond)} ` +
      `(${ratio((r) => r.again.requestsPerSecond)} the second time; medians of the runs' ratios)`,
  );
}

console.log(
  `\nserver CPU while idle for ${idleSeconds} s after a client left without quit (share of one core):`,
);
for (const example of ['example1', 'example3', 'example6']) {
  const shares = [];
  for (const kind of kinds)
    shares.push(`${kind} ${(100 * (await idleRun(kind, example))).toFixed(1)} %`);
  console.log(`${example}: ${shares.join(', ')}`);
}
