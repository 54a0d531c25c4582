import { once } from 'node:events';
import { connect } from 'node:net';
import { testBadArguments } from '@mc/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { exchange, open, type RunningServer, startEchoServer } from './echo-client.js';
import { packageDir } from './run.js';

let server: RunningServer | undefined;
afterEach(() => {
  server?.child.kill('SIGKILL');
  server = undefined;
});

/** True when nothing accepts connections on `port` any more. */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

describe('echo_server.py', () => {
  it('echoes one message, logs it as Python would, and closes the connection', async () => {
    server = await startEchoServer();
    const { reply, localPort } = await exchange(server.port, 'Hello, World!');
    expect(reply.toString()).toBe('Hello, World!');
    await server.lines(4);
    expect(server.stdout.slice(1, 4)).toEqual([
      `Received 'Hello, World!' from ('127.0.0.1', ${localPort})`,
      "Send: 'Hello, World!'",
      'Close the client socket',
    ]);
  });

  it('answers 150 bytes with their first 100, quotes like repr, and echoes nothing to nothing', async () => {
    server = await startEchoServer();
    const long = 'x'.repeat(150);
    expect((await exchange(server.port, long)).reply.toString()).toBe('x'.repeat(100));
    expect((await exchange(server.port, "It's\r\n")).reply.toString()).toBe("It's\r\n");
    expect((await exchange(server.port, null)).reply.byteLength).toBe(0);
    await server.lines(10);
    expect(server.stdout[4]).toMatch(/^Received "It's\\r\\n" from \('127\.0\.0\.1', \d+\)$/);
    expect(server.stdout[5]).toBe(`Send: "It's\\r\\n"`);
    expect(server.stdout[7]).toMatch(/^Received '' from /);
  });

  it('serves 10,000 messages from 200 concurrent clients, every byte back, while others misbehave', async () => {
    server = await startEchoServer();
    const port = server.port;
    // Clients that connect and send nothing: a server serving one client at a time would wait on
    // the first of them for ever, and none of the messages below would come back.
    const idle = await Promise.all(Array.from({ length: 5 }, () => open(port)));
    // Clients that send far too much, or drop in the middle of a message.
    const flood = await open(port);
    flood.on('error', () => {});
    flood.write(Buffer.alloc(1 << 20, 0x61));
    const dropped = await open(port);
    dropped.write('half a mess');
    dropped.destroy();

    const CLIENTS = 200;
    const MESSAGES = 10_000;
    let sent = 0;
    let echoedBytes = 0;
    let expectedBytes = 0;
    const mismatches: string[] = [];
    const client = async (id: number) => {
      while (sent < MESSAGES) {
        const n = sent++;
        // 1 to 100 bytes, different for every message.
        const message = `${id}:${n}:`.padEnd(1 + (n % 100), 'abcdefghij').slice(0, 1 + (n % 100));
        expectedBytes += Buffer.byteLength(message);
        const { reply } = await exchange(port, message);
        echoedBytes += reply.byteLength;
        if (reply.toString() !== message) mismatches.push(`${message} -> ${reply.toString()}`);
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, id) => client(id)));

    expect(mismatches).toEqual([]);
    expect(echoedBytes).toBe(expectedBytes);
    expect(sent).toBeGreaterThanOrEqual(MESSAGES);
    // Still up, and still holding the idle clients, which get their echo of nothing when they close.
    expect((await exchange(port, 'still here')).reply.toString()).toBe('still here');
    for (const socket of idle) expect(socket.destroyed).toBe(false);
    for (const socket of [...idle, flood]) socket.destroy();
    // Every served connection logged its three lines, the misbehaving ones included.
    await server.lines(1 + 3 * (MESSAGES + 1));
  });

  it('survives bytes that are not UTF-8: that client fails, the server goes on', async () => {
    server = await startEchoServer();
    await exchange(server.port, Buffer.from([0xff, 0xfe, 0x41]));
    expect((await exchange(server.port, 'next')).reply.toString()).toBe('next');
    expect(server.stderr.join('\n')).toMatch(/Error in handle_echo: TypeError/);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)(
    'stops on %s with status 0 and its port closed, even with a client connected',
    async (signal) => {
      server = await startEchoServer();
      const idle = await open(server.port);
      idle.on('error', () => {});
      const exited = once(server.child, 'exit');
      server.child.kill(signal);
      expect(await exited).toEqual([0, null]);
      expect(await refused(server.port)).toBe(true);
      // Quietly: nothing about the connection it cut.
      expect(server.stdout.filter((line) => line !== '')).toHaveLength(1);
      expect(server.stderr.filter((line) => line !== '')).toEqual([]);
      idle.destroy();
    },
  );
});

testBadArguments(packageDir, [
  [
    'echo_server',
    ['--port', 'x'],
    "--port must be a whole number from 0 to 65535, got 'x'; usage: echo_server [--port 0..65535 (default 8888, 0: a free port)]",
  ],
  ['example1', ['--fast'], "unknown option '--fast'; this program takes no arguments"],
]);
