// What the three servers share: the blocking ones serve one client at a time, every one survives a
// client that leaves without quit (at no CPU cost), bad input, and stops cleanly on Ctrl+C.
import { connectionRefused, connectTelnet, type RunningServer, runExample } from '@mc/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_LINE_BYTES, NOT_UTF8, TOO_LONG } from '../src/lines.js';
import { packageDir, startServer } from './server.js';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** Each server, what it says first, and its answer to `2,3`. */
const servers = [
  { name: 'example1', welcome: '', answer: "Echoed: '2,3'\r\n" },
  {
    name: 'example3',
    welcome: '<welcome: starting in sum mode>\n',
    answer: "Sum of input numbers: '5'\r\n",
  },
  {
    name: 'example6',
    welcome: '<welcome: starting in sum mode>\n',
    answer: "Sum of input integers: '5'\r\n",
  },
] as const;
const blocking = servers.slice(0, 2);

describe.each(blocking)('$name serves one client at a time', ({ name, welcome, answer }) => {
  it('a second client connects but gets nothing, not even a welcome, until the first has quit', async () => {
    server = await startServer(name);
    const first = await connectTelnet(server.port);
    await first.ask('2,3\r\n', answer);
    const second = await connectTelnet(server.port);
    second.send('2,3\r\n');
    // Three round trips of the first client after the second connected and sent its line.
    for (let i = 0; i < 3; i += 1) await first.ask('2,3\r\n', answer);
    expect(second.received).toBe('');
    expect(server.stdout).not.toContain(`Received connection from ${second.address}`);

    await first.ask('quit\r\n', 'connection closed\r\n');
    await second.expect(`${welcome}${answer}`);
    expect(second.received).toBe(`${welcome}${answer}`);
    const log = server.stdout;
    expect(log.indexOf(`Received connection from ${second.address}`)).toBeGreaterThan(
      log.indexOf(`${first.address} quit`),
    );
  });
});

describe.each(servers)('$name and a client that leaves without quit', ({ name, answer }) => {
  it('ends its session, costs no CPU while idle (the original spins), and serves the next', async () => {
    server = await startServer(name);
    const dropped = await connectTelnet(server.port);
    await dropped.ask('2,3\r\n', answer);
    dropped.drop();
    await server.printed(`${dropped.address} quit\n`);

    const cpuBefore = server.cpuSeconds();
    const wallBefore = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const cpu = server.cpuSeconds() - cpuBefore;
    const wall = (performance.now() - wallBefore) / 1000;
    // A busy loop gets whole time slices even on a loaded machine; an idle server gets none.
    expect(cpu / wall).toBeLessThan(0.05);

    const next = await connectTelnet(server.port);
    await next.ask('2,3\r\n', answer);
  });
});

describe.each(servers)('$name and a client that resets its connection', ({ name, answer }) => {
  it('ends its session (the original dies of ConnectionResetError) and serves the next', async () => {
    server = await startServer(name);
    const resetting = await connectTelnet(server.port);
    await resetting.ask('2,3\r\n', answer);
    resetting.socket.resetAndDestroy();
    await server.printed(`${resetting.address} quit\n`);
    const next = await connectTelnet(server.port);
    await next.ask('2,3\r\n', answer);
    expect(server.stderr).toBe('');
  });
});

describe.each(servers)('$name and bad input', ({ name, welcome, answer }) => {
  it('answers what is not a number, an empty line and bytes that are not UTF-8, and goes on', async () => {
    server = await startServer(name);
    const client = await connectTelnet(server.port);
    await client.expect(welcome);
    const notANumber = name === 'example1' ? "Echoed: 'abc'\r\n" : 'ERROR. Enter only integers';
    const empty = name === 'example1' ? "Echoed: ''\r\n" : 'ERROR. Enter only integers';
    await client.ask('abc\r\n', notANumber);
    await client.ask('\r\n', empty);
    await client.ask(Buffer.from([0x32, 0xff, 0xfe, 0x0d, 0x0a]), `${NOT_UTF8}\n`);
    await client.ask('2,3\r\n', answer);
    expect(server.stderr).toBe('');
  });

  it('cuts off a client that sends 1 MB without a line break, and serves the next', async () => {
    server = await startServer(name);
    const flooding = await connectTelnet(server.port);
    const next = await connectTelnet(server.port);
    flooding.send(Buffer.alloc(1024 * 1024, '1'));
    await flooding.expect(`${TOO_LONG}\n`);
    await flooding.waitClosed();
    expect(MAX_LINE_BYTES).toBeLessThan(1024 * 1024);
    await server.printed(`${flooding.address} quit\n`);
    await next.ask('2,3\r\n', answer);
    expect(server.stderr).toBe('');
  });
});

describe('example6 and a partial line', () => {
  it('keeps serving the others while a client has sent half a line (the original blocks them all)', async () => {
    server = await startServer('example6');
    const slow = await connectTelnet(server.port);
    await slow.expect('<welcome');
    slow.send('1,2');
    const other = await connectTelnet(server.port);
    await other.ask('2,3\r\n', "Sum of input integers: '5'\r\n");
    await other.ask('4,5\r\n', "Sum of input integers: '9'\r\n");
    await slow.ask(',3\r\n', "Sum of input integers: '6'\r\n");
  });
});

describe.each(servers)('$name on Ctrl+C', ({ name, answer }) => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'on %s it lets its clients go, exits 0 and closes its port',
    async (signal) => {
      const running = await startServer(name);
      const client = await connectTelnet(running.port);
      await client.ask('2,3\r\n', answer);
      const waiting = await connectTelnet(running.port);
      expect(await running.stop(signal)).toEqual({ code: 0, signal: null });
      await client.waitClosed();
      await waiting.waitClosed();
      expect(await connectionRefused(running.port)).toBe(true);
      expect(running.stderr).toBe('');
    },
  );
});

describe.each(servers)('$name on a port in use', ({ name }) => {
  it('says so in one line and exits 1', async () => {
    server = await startServer(name);
    const run = await runExample(packageDir, name, { args: ['--port', String(server.port)] });
    expect(run.stderr).toBe(
      `cannot listen on 127.0.0.1:${server.port}: address already in use (EADDRINUSE)\n`,
    );
    expect(run.stdout).toBe('');
    expect(run.code).toBe(1);
  });
});
