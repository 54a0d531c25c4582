import { connectionRefused, connectTelnet, type RunningServer } from '@mc/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from './server.js';

describe('example3.py', () => {
  let server: RunningServer | undefined;
  afterEach(() => {
    server?.child.kill('SIGKILL');
  });

  it('echoes the first chunk, then closes the connection after sending it', async () => {
    server = await startServer('example3');
    const client = await connectTelnet(server.port);
    client.send('Hello, World!');
    await client.waitClosed();
    await server.printed('Close the client socket\n');

    expect(client.received).toBe('Echoed back: Hello, World!');
    expect(server.stdout).toBe(
      [
        `Serving on ('127.0.0.1', ${server.port})`,
        `Connection from ('127.0.0.1', ${client.localPort})`,
        "Data received: 'Hello, World!'",
        'Close the client socket',
        '',
      ].join('\n'),
    );
  });

  it('goes on serving the next client, one echo each', async () => {
    server = await startServer('example3');
    for (const text of ['first', 'second']) {
      const client = await connectTelnet(server.port);
      client.send(text);
      await client.waitClosed();
      expect(client.received).toBe(`Echoed back: ${text}`);
    }
    await server.printed("Data received: 'second'\nClose the client socket\n");
    expect(server.stdout.match(/Close the client socket/g)).toHaveLength(2);
    expect(await server.stop()).toEqual({ code: 0, signal: null });
    expect(await connectionRefused(server.port)).toBe(true);
  });
});
