import {
  connectionRefused,
  connectTelnet,
  packageDirOf,
  type RunningServer,
  startServerExample,
  testBadArguments,
} from '@mc/testing';
import { afterEach, describe, expect, it } from 'vitest';

const packageDir = packageDirOf(import.meta.url);

let server: RunningServer | undefined;
afterEach(() => {
  server?.child.kill('SIGKILL');
  server = undefined;
});

/** Starts the compiled echo server with `--port 0`; its first line says where it listens. */
async function startEchoServer(): Promise<RunningServer> {
  const started = await startServerExample(packageDir, 'echo_server', {
    listening: /^Serving on \('127\.0\.0\.1', (\d+)\)$/m,
  });
  expect(started.lines()[0]).toBe(`Serving on ('127.0.0.1', ${started.port})`);
  return started;
}

/** Resolves once the server has printed `count` lines. */
function lines(running: RunningServer, count: number): Promise<void> {
  return running.until(() => running.lines().length >= count, `${count} lines`);
}

/** Sends `message` (or nothing, and closes its side, when null) and resolves with all it got back before the server closed. */
async function exchange(
  port: number,
  message: Buffer | string | null,
): Promise<{ reply: Buffer; localPort: number }> {
  const client = await connectTelnet(port);
  if (message === null) client.drop();
  else client.send(message);
  await client.waitClosed();
  return { reply: client.bytes(), localPort: client.localPort };
}

describe('echo_server.py', () => {
  it('echoes one message, logs it as Python would, and closes the connection', async () => {
    server = await startEchoServer();
    const { reply, localPort } = await exchange(server.port, 'Hello, World!');
    expect(reply.toString()).toBe('Hello, World!');
    await lines(server, 4);
    expect(server.lines().slice(1, 4)).toEqual([
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
    await lines(server, 10);
    expect(server.lines()[4]).toMatch(/^Received "It's\\r\\n" from \('127\.0\.0\.1', \d+\)$/);
    expect(server.lines()[5]).toBe(`Send: "It's\\r\\n"`);
    expect(server.lines()[7]).toMatch(/^Received '' from /);
  });

  it('serves 10,000 messages from 200 concurrent clients, every byte back, while others misbehave', async () => {
    server = await startEchoServer();
    const port = server.port;
    // Clients that connect and send nothing: a server serving one client at a time would wait on
    // the first of them for ever, and none of the messages below would come back.
    const idle = await Promise.all(Array.from({ length: 5 }, () => connectTelnet(port)));
    // Clients that send far too much, or drop in the middle of a message.
    const flood = await connectTelnet(port);
    flood.send(Buffer.alloc(1 << 20, 0x61));
    const dropped = await connectTelnet(port);
    dropped.send('half a mess');
    dropped.socket.destroy();

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
    for (const client of idle) expect(client.socket.destroyed).toBe(false);
    for (const client of [...idle, flood]) client.socket.destroy();
    // Every served connection logged its three lines, the misbehaving ones included.
    await lines(server, 1 + 3 * (MESSAGES + 1));
  });

  it('fails the handler of bytes that are not UTF-8, leaves that client open as the original does, and goes on', async () => {
    const running = await startEchoServer();
    server = running;
    const bad = await connectTelnet(running.port);
    bad.send(Buffer.from([0xff, 0xfe, 0x41]));
    await running.until(() => running.stderr.includes('invalid start byte'), 'the report');
    expect(running.stderr).toBe(
      'Task exception was never retrieved\n' +
        "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte\n",
    );
    expect((await exchange(running.port, 'next')).reply.toString()).toBe('next');
    // The failed handler never closed its writer: the connection is still open, nothing echoed.
    expect(bad.socket.destroyed).toBe(false);
    expect(bad.bytes().byteLength).toBe(0);
    bad.socket.destroy();
  });

  it.each(['SIGINT', 'SIGTERM'] as const)(
    'stops on %s with status 0 and its port closed, even with a client connected',
    async (signal) => {
      server = await startEchoServer();
      const idle = await connectTelnet(server.port);
      expect(await server.stop(signal)).toEqual({ code: 0, signal: null });
      expect(await connectionRefused(server.port)).toBe(true);
      // Quietly: nothing about the connection it cut.
      expect(server.stdout.split('\n').filter((line) => line !== '')).toHaveLength(1);
      expect(server.stderr.split('\n').filter((line) => line !== '')).toEqual([]);
      idle.socket.destroy();
    },
  );
});

testBadArguments(packageDir, [
  [
    'echo_server',
    ['--port', 'x'],
    "--port must be a whole number from 0 to 65535, got 'x'; usage: echo_server [--port 0..65535 (default 8888; 0: a free port)]",
  ],
  ['example1', ['--fast'], "unknown option '--fast'; this program takes no arguments"],
]);
