// The echo server's throughput at 50 connections: the twin (dist/echo_server.js) against the book's
// original, alternately, several rounds, median messages per second of each. Every message is one
// connection (the server echoes once, then hangs up): connect, send 1 to 100 bytes, read the echo
// to the server's close. The client runs here, in this process, for both.
//
// The original cannot start on Python >= 3.10 (start_server's `loop=` argument was removed): it
// runs from a copy written to a temporary folder with only that argument dropped, deleted at the
// end, never committed. Both servers bind the book's port 8888 and write their log to /dev/null.
//
//   node chapters/chapter10/bench/echo-throughput.mjs [--rounds 5] [--messages 5000]
//        [--connections 50] [--python DIR] [--python-bin /usr/bin/python3]
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { median } from '@mc/runner';

const PORT = 8888;
const USAGE =
  'usage: echo-throughput.mjs [--rounds N] [--messages N] [--connections N] [--python DIR] [--python-bin BIN]';

function fail(message, code) {
  console.error(`echo-throughput.mjs: ${message}`);
  process.exit(code);
}

let options;
try {
  options = parseArgs({
    options: {
      rounds: { type: 'string', default: '5' },
      messages: { type: 'string', default: '5000' },
      connections: { type: 'string', default: '50' },
      python: { type: 'string' },
      'python-bin': { type: 'string', default: 'python3' },
    },
  }).values;
} catch (error) {
  fail(`${error.message}; ${USAGE}`, 2);
}
const count = (name) => {
  const value = Number(options[name]);
  if (!Number.isInteger(value) || value < 1)
    fail(`--${name} must be a whole number from 1; ${USAGE}`, 2);
  return value;
};
const rounds = count('rounds');
const messages = count('messages');
const connections = count('connections');

/** One exchange: connect, send, collect until the server closes. */
function exchange(message) {
  return new Promise((resolve, reject) => {
    const socket = connect(PORT, '127.0.0.1', () => socket.write(message));
    const chunks = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks)));
  });
}

/** `total` messages over `connections` concurrent clients; messages per second and failures. */
async function load(total) {
  let next = 0;
  let failures = 0;
  const started = performance.now();
  const client = async () => {
    while (next < total) {
      const n = next++;
      const message = Buffer.from(
        `${n}:`.padEnd(1 + (n % 100), 'abcdefghij').slice(0, 1 + (n % 100)),
      );
      const reply = await exchange(message).catch(() => Buffer.alloc(0));
      if (!reply.equals(message)) failures += 1;
    }
  };
  await Promise.all(Array.from({ length: connections }, client));
  return { perSecond: total / ((performance.now() - started) / 1000), failures };
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
function cpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100/s)
}

/** Starts a server command, waits until port 8888 accepts, and returns its pid and a stop function. */
async function start(command, args) {
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  for (let tries = 0; ; tries += 1) {
    if (child.exitCode !== null) fail(`${command} ${args.join(' ')} exited: ${stderr.trim()}`, 1);
    const up = await new Promise((resolve) => {
      const probe = connect(PORT, '127.0.0.1', () => {
        probe.end();
        resolve(true);
      });
      probe.on('error', () => resolve(false));
    });
    if (up) break;
    if (tries > 200) fail(`${command} never listened on ${PORT}`, 1);
    await sleep(25);
  }
  const stop = async () => {
    const exited = once(child, 'exit');
    child.kill('SIGINT');
    await exited;
    await sleep(100); // the port free again for the next server
  };
  return { pid: child.pid, stop };
}

const twin = fileURLToPath(new URL('../dist/echo_server.js', import.meta.url));
const servers = [{ name: 'node', command: process.execPath, args: [twin, '--port', String(PORT)] }];
let temporary;
if (options.python !== undefined) {
  const source = readFileSync(join(options.python, 'Chapter10', 'echo_server.py'), 'utf8');
  const fixed = source.replace(/,\s*loop=loop\s*\)/, ')');
  if (fixed === source) fail('the original has no `loop=loop` argument to drop', 1);
  temporary = mkdtempSync(join(tmpdir(), 'echo-original-'));
  writeFileSync(join(temporary, 'echo_server.py'), fixed);
  servers.push({
    name: 'python',
    command: options['python-bin'],
    args: [join(temporary, 'echo_server.py')],
  });
}

const results = Object.fromEntries(servers.map((server) => [server.name, []]));
const cpu = Object.fromEntries(servers.map((server) => [server.name, []]));
try {
  for (let round = 1; round <= rounds; round += 1) {
    for (const server of round % 2 ? servers : [...servers].reverse()) {
      const { pid, stop } = await start(server.command, server.args);
      try {
        await load(Math.min(500, messages)); // warm-up
        const before = cpuSeconds(pid);
        const { perSecond, failures } = await load(messages);
        const cpuMicroseconds = ((cpuSeconds(pid) - before) / messages) * 1e6;
        if (failures > 0) fail(`${server.name}: ${failures} of ${messages} messages not echoed`, 1);
        results[server.name].push(perSecond);
        cpu[server.name].push(cpuMicroseconds);
        console.log(
          `round ${round} ${server.name}: ${perSecond.toFixed(0)} messages/s, server CPU ${cpuMicroseconds.toFixed(0)} µs a message`,
        );
      } finally {
        await stop();
      }
    }
  }
} finally {
  if (temporary) rmSync(temporary, { recursive: true, force: true });
}

const medians = Object.fromEntries(
  Object.entries(results).map(([name, values]) => [name, median(values)]),
);
for (const [name, value] of Object.entries(medians)) {
  console.log(
    `${name}: median ${value.toFixed(0)} messages/s, server CPU ${median(cpu[name]).toFixed(0)} µs a message (${rounds} rounds of ${messages} messages, ${connections} connections)`,
  );
}
if (medians.python) console.log(`node / python: ${(medians.node / medians.python).toFixed(2)}`);
