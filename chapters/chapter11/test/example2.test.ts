import { connectTelnet, type RunningServer } from '@mc/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from './server.js';

describe('example2.py', () => {
  let server: RunningServer | undefined;
  afterEach(() => {
    server?.child.kill('SIGKILL');
  });

  it('echoes each chunk as "Echoed back: <text>", line ending as sent, and keeps the connection', async () => {
    server = await startServer('example2');
    const client = await connectTelnet(server.port);
    const sent = ['Hello, World!', "It's me\r\n", 'second'];
    let expected = '';
    for (const text of sent) {
      client.send(text);
      expected += `Echoed back: ${text}`;
      await client.expect(expected);
    }

    expect(client.received).toBe(expected);
    expect(client.closed).toBe(false);
    // The log is example1's for the same input. The echo can reach the client before the log line
    // reaches this process (a socket and a pipe), so wait for the last one.
    await server.printed("Data received: 'second'\n");
    expect(server.stdout.split('\n').slice(2)).toEqual([
      "Data received: 'Hello, World!'",
      `Data received: "It's me\\r\\n"`,
      "Data received: 'second'",
      '',
    ]);
    expect(await server.stop()).toEqual({ code: 0, signal: null });
  });

  it('echoes non-ASCII text as the UTF-8 it received', async () => {
    server = await startServer('example2');
    const client = await connectTelnet(server.port);
    client.send('Grüße — ¶\r\n');
    await client.expect('Echoed back: Grüße — ¶\r\n');
    await server.printed("Data received: 'Grüße — ¶\\r\\n'\n");
  });

  it('serves several clients at once, each its own echoes', async () => {
    server = await startServer('example2');
    const first = await connectTelnet(server.port);
    const second = await connectTelnet(server.port);
    first.send('one');
    second.send('two');
    await first.expect('Echoed back: one');
    await second.expect('Echoed back: two');
    expect(first.received).toBe('Echoed back: one');
    expect(second.received).toBe('Echoed back: two');
  });
});
