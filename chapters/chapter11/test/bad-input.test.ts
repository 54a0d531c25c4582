// Bad input on every server: an empty line, 1 MB without a newline, bytes that are not UTF-8.
// Each gets an answer or a closed connection; the server never crashes, other clients never wait.
// (Not a number: these servers read no numbers; only --port does, see test/bad-arguments.test.ts.)

import {
  connectionRefused,
  connectTelnet,
  type RunningServer,
  testBadArguments,
} from '@mc/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { packageDir, startServer } from './server.js';

/** What each server answers to a chunk `text`. */
const answers: Record<string, (text: string) => string> = {
  example1: () => '',
  example2: (text) => `Echoed back: ${text}`,
  example3: (text) => `Echoed back: ${text}`,
};

describe.each(Object.keys(answers))('%s with bad input', (name) => {
  const answer = answers[name] ?? (() => '');
  let server: RunningServer | undefined;
  afterEach(() => {
    server?.child.kill('SIGKILL');
  });

  it('an empty line is a chunk like any other', async () => {
    server = await startServer(name);
    const client = await connectTelnet(server.port);
    client.send('\r\n');
    await server.printed("Data received: '\\r\\n'\n");
    if (answer('\r\n') !== '') await client.expect(answer('\r\n'));
    expect(client.received).toBe(answer('\r\n'));
  });

  it('bytes that are not UTF-8 close that connection, as asyncio does; another client goes on', async () => {
    server = await startServer(name);
    const bad = await connectTelnet(server.port);
    const good = await connectTelnet(server.port);
    bad.send(Buffer.from([0x68, 0x69, 0xff, 0x0d, 0x0a]));
    await bad.waitClosed();
    expect(bad.bytes().length).toBe(0);
    expect(server.stderr).toBe(
      'Fatal error: protocol.data_received() call failed.\n' +
        "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 2: invalid start byte\n",
    );

    good.send('still here');
    await server.printed("Data received: 'still here'\n");
    if (answer('x') !== '') await good.expect(answer('still here'));
    expect(await server.stop()).toEqual({ code: 0, signal: null });
    expect(await connectionRefused(server.port)).toBe(true);
  });

  it('1 MB without a newline from a client that does not read: other clients are served meanwhile', async () => {
    server = await startServer(name);
    const flood = await connectTelnet(server.port);
    flood.socket.pause();
    const megabyte = 'x'.repeat(1024 * 1024);
    flood.send(megabyte);

    const other = await connectTelnet(server.port);
    other.send('hello');
    await server.printed("Data received: 'hello'\n");
    if (answer('x') !== '') await other.expect(answer('hello'));

    // The flood is logged (and echoed) in chunks, all of it, once its client reads.
    flood.socket.resume();
    const logged = () => (server?.stdout.match(/x/g) ?? []).length;
    const echoed = () => (flood.received.match(/x/g) ?? []).length;
    if (name === 'example3') {
      // The first chunk is echoed, then the connection closes: the rest is never delivered.
      await flood.waitClosed();
      expect(echoed()).toBeGreaterThan(0);
      expect(echoed()).toBe(logged());
    } else {
      await expect.poll(logged, { timeout: 20_000 }).toBe(megabyte.length);
      if (name === 'example2') await expect.poll(echoed, { timeout: 20_000 }).toBe(megabyte.length);
    }
    expect(server.child.exitCode).toBe(null);
  });
});

testBadArguments(packageDir, [
  [
    'example1',
    ['--port', 'http'],
    "--port must be a whole number from 0 to 65535, got 'http'; usage: example1 [--port 0..65535 (default 8888; 0: a free port)]",
  ],
  [
    'example2',
    ['--port', '70000'],
    "--port must be a whole number from 0 to 65535, got '70000'; usage: example2 [--port 0..65535 (default 8888; 0: a free port)]",
  ],
  [
    'example3',
    ['--verbose'],
    "unknown option '--verbose'; usage: example3 [--port 0..65535 (default 8888; 0: a free port)]",
  ],
]);
