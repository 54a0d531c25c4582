import { connectionRefused, connectTelnet, type RunningServer } from '@mc/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from './server.js';

describe('example1.py', () => {
  let server: RunningServer | undefined;
  afterEach(() => {
    server?.child.kill('SIGKILL');
  });

  it("logs each connection and chunk with Python's repr, and sends nothing back", async () => {
    server = await startServer('example1');
    const client = await connectTelnet(server.port);
    const peer = client.address;
    await server.printed(`Connection from ${peer}\n`);

    client.send('Hello, World!');
    await server.printed("Data received: 'Hello, World!'\n");
    client.send("It's me\r\n");
    await server.printed(`Data received: "It's me\\r\\n"\n`);
    client.send('second');
    await server.printed("Data received: 'second'\n");

    expect(client.closed).toBe(false);
    // Once the client hangs up, everything the server ever wrote has arrived before its FIN.
    client.drop();
    await client.waitClosed();
    expect(client.bytes().length).toBe(0);
    expect(server.stdout).toBe(
      [
        `Serving on ('127.0.0.1', ${server.port})`,
        `Connection from ${peer}`,
        "Data received: 'Hello, World!'",
        `Data received: "It's me\\r\\n"`,
        "Data received: 'second'",
        '',
      ].join('\n'),
    );
    expect(server.stderr).toBe('');
  });

  it('stops on Ctrl+C with a client still connected: exit 0, nothing printed, port closed', async () => {
    server = await startServer('example1');
    const client = await connectTelnet(server.port);
    await server.printed('Connection from');
    const before = server.stdout;

    expect(await server.stop()).toEqual({ code: 0, signal: null });
    await client.waitClosed();
    expect(server.stdout).toBe(before);
    expect(await connectionRefused(server.port)).toBe(true);
  });

  it('stops on SIGTERM too', async () => {
    server = await startServer('example1');
    expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(await connectionRefused(server.port)).toBe(true);
  });

  it('catches a stop sent the moment it says it listens (10 starts, SIGINT and SIGTERM in turn)', async () => {
    // A handler installed only after the listening line let about 1 stop in 3 kill it here.
    for (let start = 0; start < 10; start++) {
      server = await startServer('example1');
      const signal = start % 2 === 0 ? 'SIGINT' : 'SIGTERM';
      expect(await server.stop(signal)).toEqual({ code: 0, signal: null });
    }
  });
});
