import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, portOpen, type ServerProcess, startServer } from './server-process.js';

describe('example1.py', () => {
  let server: ServerProcess | undefined;
  afterEach(() => {
    server?.child.kill('SIGKILL');
  });

  it("logs each connection and chunk with Python's repr, and sends nothing back", async () => {
    server = await startServer('example1');
    const client = await connectClient(server.port);
    const peer = `('127.0.0.1', ${client.localPort})`;
    await server.printed(`Connection from ${peer}\n`);

    client.socket.write('Hello, World!');
    await server.printed("Data received: 'Hello, World!'\n");
    client.socket.write("It's me\r\n");
    await server.printed(`Data received: "It's me\\r\\n"\n`);
    client.socket.write('second');
    await server.printed("Data received: 'second'\n");

    expect(client.closedByServer()).toBe(false);
    // Once the client hangs up, everything the server ever wrote has arrived before its FIN.
    client.socket.end();
    await client.closed();
    expect(client.received().length).toBe(0);
    expect(server.stdout()).toBe(
      [
        `Serving on ('127.0.0.1', ${server.port})`,
        `Connection from ${peer}`,
        "Data received: 'Hello, World!'",
        `Data received: "It's me\\r\\n"`,
        "Data received: 'second'",
        '',
      ].join('\n'),
    );
    expect(server.stderr()).toBe('');
  });

  it('stops on Ctrl+C with a client still connected: exit 0, nothing printed, port closed', async () => {
    server = await startServer('example1');
    const client = await connectClient(server.port);
    await server.printed('Connection from');
    const before = server.stdout();

    expect(await server.interrupt()).toBe(0);
    await client.closed();
    expect(server.stdout()).toBe(before);
    expect(await portOpen(server.port)).toBe(false);
  });

  it('stops on SIGTERM too', async () => {
    server = await startServer('example1');
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server?.child.once('exit', resolve));
    expect(server.child.exitCode).toBe(0);
    expect(await portOpen(server.port)).toBe(false);
  });

  it('catches a stop sent the moment it says it listens (10 starts, SIGINT and SIGTERM in turn)', async () => {
    // A handler installed only after the listening line let about 1 stop in 3 kill it here.
    for (let start = 0; start < 10; start++) {
      server = await startServer('example1');
      server.child.kill(start % 2 === 0 ? 'SIGINT' : 'SIGTERM');
      await new Promise((resolve) => server?.child.once('exit', resolve));
      expect(server.child.exitCode).toBe(0);
    }
  });
});
