import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import {
  connectionRefused,
  connectTelnet,
  processExists,
  type RunningExample,
  startExample,
  startProgram,
  startServerExample,
} from '../src/index.js';

// A package folder of its own, whose dist/ holds small programs (dist/ is not kept in git).
const packageDir = mkdtempSync(join(tmpdir(), 'mc-testing-'));
mkdirSync(join(packageDir, 'dist'));
const programs: Record<string, string> = {
  // A line server: answers each line with its length, `quit` closes, Ctrl+C exits 0 quietly.
  server: `
    const net = require('node:net');
    const server = net.createServer((socket) => {
      console.log('connection');
      let pending = '';
      socket.on('data', (chunk) => {
        pending += chunk;
        let end;
        while ((end = pending.indexOf('\\n')) >= 0) {
          const line = pending.slice(0, end);
          pending = pending.slice(end + 1);
          if (line === 'quit') socket.end('bye\\n');
          else socket.write(line.length + '\\n');
        }
      });
      socket.on('error', () => {});
    });
    const port = Number(process.argv[process.argv.indexOf('--port') + 1]);
    server.listen(port, '127.0.0.1', () => console.log('up on ' + server.address().port));
    process.on('SIGINT', () => { server.close(); server.closeAllConnections?.(); process.exit(0); });`,
  // Spins until it has used 0.3 s of CPU, then waits for ever.
  spin: `
    while (process.cpuUsage().user + process.cpuUsage().system < 300_000) {}
    console.log('spun');
    setInterval(() => {}, 1000);`,
  scaled: `console.log('scale ' + process.env.BOOK_TIME_SCALE + ' args ' + process.argv.slice(2));`,
  fails: `console.error('no luck'); process.exit(4);`,
  partial: `process.stdout.write('one\\ntwo\\nthr');`,
  hang: `console.log('started'); setInterval(() => {}, 1000);`,
};
for (const [name, source] of Object.entries(programs)) {
  writeFileSync(join(packageDir, 'dist', `${name}.js`), source);
}
afterAll(() => rmSync(packageDir, { recursive: true, force: true }));

const LISTENING = /^up on (\d+)$/m;
let running: RunningExample | undefined;
afterEach(() => {
  running?.child.kill('SIGKILL');
  running = undefined;
});

describe('startServerExample and connectTelnet', () => {
  it('reads the port from the listening line; the client sends, expects, asks and sees the close', async () => {
    const server = await startServerExample(packageDir, 'server', { listening: LISTENING });
    running = server;
    expect(server.port).toBeGreaterThan(0);
    expect(server.stdout).toBe(`up on ${server.port}\n`);
    const client = await connectTelnet(server.port);
    expect(client.address).toBe(`('127.0.0.1', ${client.localPort})`);
    await server.printed('connection\n');
    client.send('abc\n');
    await client.expect('3\n');
    await client.ask('hello\n', '5\n');
    await client.ask('Grüße\n', '5\n');
    expect(client.received).toBe('3\n5\n5\n');
    expect(client.bytes()).toEqual(Buffer.from('3\n5\n5\n'));
    expect(client.closed).toBe(false);
    await client.ask('quit\n', 'bye\n');
    await client.waitClosed();
    expect(client.closed).toBe(true);
    expect(server.lines()).toEqual([`up on ${server.port}`, 'connection']);
  });

  it('fails a wait at once when the connection closes without the text, saying what came', async () => {
    const server = await startServerExample(packageDir, 'server', { listening: LISTENING });
    running = server;
    const client = await connectTelnet(server.port);
    const started = performance.now();
    await expect(client.ask('quit\n', 'never said')).rejects.toThrow(
      'never came: "never said" after "quit\\n"; got "bye\\n"',
    );
    // Well before the 20 s patience: the close ended the wait.
    expect(performance.now() - started).toBeLessThan(15_000);
  });

  it('stops it with SIGINT: exit 0, its port refused, the process gone', async () => {
    const server = await startServerExample(packageDir, 'server', { listening: LISTENING });
    running = server;
    expect(await connectionRefused(server.port)).toBe(false);
    const client = await connectTelnet(server.port);
    expect(await server.stop()).toEqual({ code: 0, signal: null });
    await client.waitClosed();
    expect(await connectionRefused(server.port)).toBe(true);
    expect(processExists(server.pid)).toBe(false);
    // Stopping again tells the same.
    expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null });
  });

  it('rejects, with what it printed, when the program ends before its listening line', async () => {
    await expect(startServerExample(packageDir, 'fails', { listening: LISTENING })).rejects.toThrow(
      /never came: the listening line .*stderr "no luck\\n"/,
    );
  });
});

describe('startExample', () => {
  it('passes the time scale and arguments, and tells how it ended', async () => {
    running = startExample(packageDir, 'scaled', { timeScale: 0.5, args: ['a', 'b'] });
    expect(await running.ended).toEqual({ code: 0, signal: null });
    expect(running.lines()).toEqual(['scale 0.5 args a,b']);
  });

  it('gives the complete lines only; stdout keeps the rest', async () => {
    running = startExample(packageDir, 'partial');
    await running.ended;
    expect(running.lines()).toEqual(['one', 'two']);
    expect(running.stdout).toBe('one\ntwo\nthr');
  });

  it('reports the signal that killed a program without a handler', async () => {
    running = startExample(packageDir, 'hang');
    await running.printed('started');
    expect(await running.stop('SIGTERM')).toEqual({ code: null, signal: 'SIGTERM' });
  });

  it('kills a program that outlives its limit, when the limit is up and not before', async () => {
    // The limit is a timer of this process started with the program: faked here, its clock moves
    // only when the test moves it, so a slow start-up (seconds, under load) cannot use it up, and
    // the wait for `started` has no deadline either (that timer is faked too).
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      running = startProgram(packageDir, 'dist/hang.js', { limitSeconds: 0.5 });
      await running.printed('started');
      vi.advanceTimersByTime(499);
      expect(running.child.killed).toBe(false);
      vi.advanceTimersByTime(1);
      expect(running.child.killed).toBe(true);
    } finally {
      vi.useRealTimers();
    }
    expect(await running.ended).toEqual({ code: null, signal: 'SIGKILL' });
    expect(running.stdout).toBe('started\n');
  });

  it('reads the CPU time the program used from /proc', async () => {
    running = startExample(packageDir, 'spin');
    await running.printed('spun');
    // The program measured 0.3 s itself (getrusage); /proc counts the same in 10 ms ticks.
    expect(running.cpuSeconds()).toBeGreaterThanOrEqual(0.28);
  });
});
