import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, type ServerProcess, startServer } from './server-process.js';

describe('example2.py', () => {
  let server: ServerProcess | undefined;
  afterEach(() => {
    server?.child.kill('SIGKILL');
  });

  it('echoes each chunk as "Echoed back: <text>", line ending as sent, and keeps the connection', async () => {
    server = await startServer('example2');
    const client = await connectClient(server.port);
    const sent = ['Hello, World!', "It's me\r\n", 'second'];
    let expected = '';
    for (const text of sent) {
      client.socket.write(text);
      expected += `Echoed back: ${text}`;
      await client.expect(expected);
    }

    expect(client.received().toString('utf8')).toBe(expected);
    expect(client.closedByServer()).toBe(false);
    // The log is example1's for the same input.
    expect(server.stdout().split('\n').slice(2)).toEqual([
      "Data received: 'Hello, World!'",
      `Data received: "It's me\\r\\n"`,
      "Data received: 'second'",
      '',
    ]);
    expect(await server.interrupt()).toBe(0);
  });

  it('echoes non-ASCII text as the UTF-8 it received', async () => {
    server = await startServer('example2');
    const client = await connectClient(server.port);
    client.socket.write('Grüße — ¶\r\n');
    await client.expect('Echoed back: Grüße — ¶\r\n');
    await server.printed("Data received: 'Grüße — ¶\\r\\n'\n");
  });

  it('serves several clients at once, each its own echoes', async () => {
    server = await startServer('example2');
    const first = await connectClient(server.port);
    const second = await connectClient(server.port);
    first.socket.write('one');
    second.socket.write('two');
    await first.expect('Echoed back: one');
    await second.expect('Echoed back: two');
    expect(first.received().toString()).toBe('Echoed back: one');
    expect(second.received().toString()).toBe('Echoed back: two');
  });
});
