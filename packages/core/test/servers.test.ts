import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createServer,
  openConnection,
  Protocol,
  type Server,
  type StreamReader,
  type StreamWriter,
  startServer,
  type Transport,
} from '../src/asyncio/index.js';

let server: Server | undefined;
afterEach(async () => {
  server?.close();
  await server?.waitClosed();
  server = undefined;
});

/** Connects a raw client to the server. */
async function client(): Promise<Socket> {
  const [host, port] = server?.sockets[0].getsockname() ?? ['', 0];
  const socket = connect({ host, port, allowHalfOpen: true });
  socket.on('error', () => {}); // a reset by the server is the test's to see
  await new Promise((resolve) => socket.once('connect', resolve));
  return socket;
}

/** Everything the socket receives until the server closes it. */
function received(socket: Socket): Promise<string> {
  let text = '';
  socket.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  return new Promise((resolve) => {
    socket.once('end', () => resolve(text));
    socket.once('close', () => resolve(text));
  });
}

/** Resolves when `check()` holds, looking once per loop turn. */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setImmediate(resolve));
}

describe('startServer (asyncio.start_server)', () => {
  it('gives each connection a reader and writer: read(n) takes at most n bytes, the rest waits', async () => {
    const seen: string[] = [];
    server = await startServer(
      async (reader: StreamReader, writer: StreamWriter) => {
        const first = await reader.read(5);
        const line = await reader.readline();
        const rest = await reader.read();
        seen.push(first.toString(), line.toString(), rest.toString(), String(reader.atEof()));
        writer.write(Buffer.concat([first, line, rest]));
        await writer.drain();
        writer.close();
      },
      '127.0.0.1',
      0,
    );
    expect(server.sockets[0].getsockname()).toEqual(['127.0.0.1', expect.any(Number)]);
    const socket = await client();
    const reply = received(socket);
    socket.end('HelloWorld\nand the rest');
    expect(await reply).toBe('HelloWorld\nand the rest');
    expect(seen).toEqual(['Hello', 'World\n', 'and the rest', 'true']);
  });

  it('answers read() with an empty buffer at the end of the stream, and may still write', async () => {
    server = await startServer(
      async (reader, writer) => {
        const data = await reader.read(100);
        writer.write(`got ${data.byteLength} bytes`);
        writer.close();
      },
      '127.0.0.1',
      0,
    );
    const socket = await client();
    const reply = received(socket);
    socket.end();
    expect(await reply).toBe('got 0 bytes');
  });

  it("reports a handler's error on stderr and leaves its connection open, as Python 3.7-3.11", async () => {
    const errors: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((text: string) => errors.push(text) > 0) as typeof write;
    try {
      server = await startServer(
        async (reader) => {
          await reader.read(1);
          throw new TypeError('bad handler');
        },
        '127.0.0.1',
        0,
      );
      const socket = await client();
      socket.write('x');
      await until(() => errors.length > 0);
      expect(errors.join('')).toBe('Task exception was never retrieved\nTypeError: bad handler\n');
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(socket.destroyed || socket.readableEnded).toBe(false);
      socket.destroy();
    } finally {
      process.stderr.write = write;
    }
  });

  it('reports a handler that throws before any await too, and serves the next client', async () => {
    const errors: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((text: string) => errors.push(text) > 0) as typeof write;
    try {
      let calls = 0;
      server = await startServer(
        (_reader, writer) => {
          calls += 1;
          if (calls === 1) throw new RangeError('at once');
          writer.write('second');
          writer.close();
        },
        '127.0.0.1',
        0,
      );
      const first = await client();
      await until(() => errors.length > 0);
      expect(errors.join('')).toBe('Task exception was never retrieved\nRangeError: at once\n');
      expect(await received(await client())).toBe('second');
      first.destroy();
    } finally {
      process.stderr.write = write;
    }
  });

  it('writer.waitClosed() resolves once the connection is closed, asked before or after it is', async () => {
    const order: string[] = [];
    server = await startServer(
      async (reader, writer) => {
        const data = await reader.read(100);
        if (data.toString() === 'before') {
          const closed = writer.waitClosed().then(() => order.push('before'));
          writer.close();
          await closed;
        } else {
          writer.close();
          await reader.read(); // the end of the stream: the connection is closed now
          await writer.waitClosed();
          order.push('after');
        }
      },
      '127.0.0.1',
      0,
    );
    for (const when of ['before', 'after']) {
      const socket = await client();
      const reply = received(socket);
      socket.write(when);
      await reply;
    }
    await until(() => order.length === 2);
    expect(order).toEqual(['before', 'after']);
  });

  it('stops reading from a client that sends more than 128 KiB the program does not read', async () => {
    let reader: StreamReader | undefined;
    server = await startServer(
      (r) => {
        reader = r;
      },
      '127.0.0.1',
      0,
    );
    const socket = await client();
    // Far more than the kernel's buffers hold on loopback.
    const megabyte = Buffer.alloc(32 << 20, 0x61);
    // The client's write is not all taken in: the server stopped reading, the kernel buffers filled.
    socket.write(megabyte);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(socket.writableLength).toBeGreaterThan(0);
    // Reading it all lets the rest through.
    let total = 0;
    while (total < megabyte.byteLength) total += (await reader?.read(1 << 20))?.byteLength ?? 0;
    expect(total).toBe(megabyte.byteLength);
    socket.destroy();
  });

  it('close() drops open connections and never resumes their waiting handlers', async () => {
    let resumed = false;
    server = await startServer(
      async (reader) => {
        await reader.read(100);
        resumed = true;
      },
      '127.0.0.1',
      0,
    );
    const socket = await client();
    const closed = received(socket);
    server.close();
    await server.waitClosed();
    await closed;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(resumed).toBe(false);
    server = undefined;
  });

  it('openConnection talks to a server as a client', async () => {
    server = await startServer(
      async (reader, writer) => {
        writer.write(await reader.readline());
        writer.close();
      },
      '127.0.0.1',
      0,
    );
    const [, port] = server.sockets[0].getsockname();
    const [reader, writer] = await openConnection('127.0.0.1', port);
    writer.write('ping\n');
    expect((await reader.readline()).toString()).toBe('ping\n');
    expect((await reader.read()).byteLength).toBe(0);
    writer.close();
    await expect(openConnection('127.0.0.1', 1)).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe('createServer (loop.create_server) and Protocol', () => {
  it('calls connectionMade, dataReceived per chunk, then connectionLost; eof closes the transport', async () => {
    const calls: string[] = [];
    class Echo extends Protocol {
      transport: Transport | undefined;
      override connectionMade(transport: Transport): void {
        calls.push(`made ${transport.getExtraInfo('peername')[0]}`);
        this.transport = transport;
      }
      override dataReceived(data: Buffer): void {
        calls.push(`data ${data.toString()}`);
        this.transport?.write(data);
      }
      override connectionLost(error: Error | undefined): void {
        calls.push(`lost ${error === undefined}`);
      }
    }
    server = await createServer(() => new Echo(), '127.0.0.1', 0);
    const socket = await client();
    const reply = received(socket);
    socket.write('one');
    await until(() => calls.length === 2);
    socket.end();
    expect(await reply).toBe('one');
    await until(() => calls.length === 3);
    expect(calls).toEqual(['made 127.0.0.1', 'data one', 'lost true']);
  });

  it('reports a callback that throws and aborts that connection only', async () => {
    const errors: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((text: string) => errors.push(text) > 0) as typeof write;
    try {
      class Failing extends Protocol {
        override dataReceived(): void {
          throw new RangeError('no');
        }
      }
      server = await createServer(() => new Failing(), '127.0.0.1', 0);
      const socket = await client();
      const reply = received(socket);
      socket.write('x');
      expect(await reply).toBe('');
      expect(errors.join('')).toBe(
        'Fatal error: protocol.data_received() call failed.\nRangeError: no\n',
      );
    } finally {
      process.stderr.write = write;
    }
  });
});
