import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, portOpen, type ServerProcess, startServer } from './server-process.js';

describe('example3.py', () => {
  let server: ServerProcess | undefined;
  afterEach(() => {
    server?.child.kill('SIGKILL');
  });

  it('echoes the first chunk, then closes the connection after sending it', async () => {
    server = await startServer('example3');
    const client = await connectClient(server.port);
    client.socket.write('Hello, World!');
    await client.closed();
    await server.printed('Close the client socket\n');

    expect(client.received().toString('utf8')).toBe('Echoed back: Hello, World!');
    expect(server.stdout()).toBe(
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
      const client = await connectClient(server.port);
      client.socket.write(text);
      await client.closed();
      expect(client.received().toString()).toBe(`Echoed back: ${text}`);
    }
    await server.printed("Data received: 'second'\nClose the client socket\n");
    expect(server.stdout().match(/Close the client socket/g)).toHaveLength(2);
    expect(await server.interrupt()).toBe(0);
    expect(await portOpen(server.port)).toBe(false);
  });
});
