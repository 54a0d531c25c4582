// The book's exchange played against each server, the twin (dist/exampleN.js) and the book's
// original, and what each side saw compared byte for byte: the bytes the client received, and the
// server's log with client ports and the server's port left out. Build first. From chapters/chapter18:
//
//   node bench/compare.mjs --python path/to/Mastering-Concurrency-in-Python --python-bin /usr/bin/python3
//
// The originals listen on 8080, and after a session they closed the port stays taken (TIME_WAIT,
// no SO_REUSEADDR) for up to a minute: the script waits until it is free before each original.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const chapter = fileURLToPath(new URL('..', import.meta.url));
const USAGE = 'usage: compare.mjs --python DIR [--python-bin BIN]';
let values;
try {
  ({ values } = parseArgs({
    options: { python: { type: 'string' }, 'python-bin': { type: 'string', default: 'python3' } },
  }));
} catch (error) {
  process.stderr.write(`${error.message.split('\n')[0]}; ${USAGE}\n`);
  process.exit(2);
}
if (!values.python) {
  process.stderr.write(`--python is required; ${USAGE}\n`);
  process.exit(2);
}

/** What a reader types, line by line: a reader's session, bad lines and commands included. */
const LINES = [
  'hello\r\n',
  '\r\n',
  "it's \u00e9 ok  \n",
  '1,2,3\n',
  'sum\n',
  'product\n',
  '1,2,3\n',
  ' 4, 5 ,6 \n',
  '1_000,2\n',
  '1.5,2\n',
  '99999999999999999999,99999999999999999999\n',
  '-1,+2\n',
  '\t7\n',
  'quit\r\n',
];

/** Runs one server, plays the exchange (a line every 50 ms), stops it; what both sides saw. */
async function exchange(command, args) {
  // stderr: the original's KeyboardInterrupt traceback at the stop, shown only if it fails to start.
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text) => {
    stderr += text;
  });
  let log = '';
  child.stdout.setEncoding('utf8').on('data', (text) => {
    log += text;
  });
  let port;
  for (let waited = 0; port === undefined; waited += 20) {
    if (waited > 10_000 || child.exitCode !== null)
      throw new Error(`${args.at(-1)} did not start: ${stderr}`);
    port = /localhost (\d+)\n/.exec(log)?.[1];
    await sleep(20);
  }
  const socket = connect(Number(port), '127.0.0.1');
  const closed = once(socket, 'close');
  const chunks = [];
  socket.on('data', (chunk) => chunks.push(chunk));
  await once(socket, 'connect');
  for (const line of LINES) {
    socket.write(line);
    await sleep(50);
  }
  await closed;
  await sleep(100);
  const exited = once(child, 'exit');
  child.kill('SIGINT');
  await exited;
  const normalized = log
    .replace(/\('127\.0\.0\.1', \d+\)/g, "('127.0.0.1', PORT)")
    .replace(/localhost \d+/, 'localhost PORT');
  return `${Buffer.concat(chunks).toString('latin1')}----\n${normalized}`;
}

/** Resolves once nothing holds 127.0.0.1:8080 (a bind test, as the original's own bind). */
async function port8080Free() {
  const { createServer } = await import('node:net');
  for (;;) {
    const server = createServer();
    const free = await new Promise((resolve) => {
      server.once('error', () => resolve(false));
      server.listen({ port: 8080, host: '127.0.0.1', exclusive: true }, () =>
        server.close(() => resolve(true)),
      );
    });
    if (free) return;
    await sleep(2000);
  }
}

let different = 0;
for (const name of ['example1', 'example3', 'example6']) {
  const twin = await exchange(process.execPath, [
    join(chapter, 'dist', `${name}.js`),
    '--port',
    '0',
  ]);
  await port8080Free();
  const original = await exchange(values['python-bin'], [
    '-u',
    join(values.python, 'Chapter18', `${name}.py`),
  ]);
  if (twin === original) console.log(`${name}: identical (${Buffer.byteLength(twin)} bytes)`);
  else {
    different += 1;
    console.log(`${name}: DIFFERENT\n--- twin\n${twin}\n--- original\n${original}`);
  }
}
process.exitCode = different === 0 ? 0 : 1;
