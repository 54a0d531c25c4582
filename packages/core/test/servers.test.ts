import { connect, createServer as createNetServer, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createServer,
  openConnection,
  Protocol,
  type Server,
  StreamReader,
  StreamWriter,
  startServer,
  type Transport,
} from '../src/asyncio/index.js';
import { captureStderr } from './stderr.js';

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

/** Runs `test` on a raw connection on 127.0.0.1 (the client's socket, the server's), then closes it. */
async function onRawPair(test: (sender: Socket, socket: Socket) => Promise<void>): Promise<void> {
  const raw = createNetServer({ allowHalfOpen: true });
  raw.listen(0, '127.0.0.1');
  await new Promise((resolve) => raw.once('listening', resolve));
  const accepted = new Promise<Socket>((resolve) => raw.once('connection', resolve));
  const { port } = raw.address() as { port: number };
  const sender = connect({ host: '127.0.0.1', port, allowHalfOpen: true });
  const socket = await accepted;
  try {
    await test(sender, socket);
  } finally {
    sender.destroy();
    socket.destroy();
    raw.close();
  }
}

/** Lets the event loop turn `count` times. */
async function turns(count: number): Promise<void> {
  for (let turn = 0; turn < count; turn += 1) await new Promise((resolve) => setImmediate(resolve));
}

/** A protocol that keeps its transport, to write to it and close it. */
class Keeping extends Protocol {
  transport: Transport | undefined;
  override connectionMade(transport: Transport): void {
    this.transport = transport;
  }
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
    using stderr = captureStderr();
    const errors = stderr.written;
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
  });

  it('reports a handler that throws before any await too, and serves the next client', async () => {
    using stderr = captureStderr();
    const errors = stderr.written;
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

  it('read(0) gives an empty buffer at once; read() and readline() give the partial rest at the end', async () => {
    const seen: string[] = [];
    server = await startServer(
      async (reader, writer) => {
        seen.push(`zero ${(await reader.read(0)).byteLength} eof ${reader.atEof()}`);
        writer.write('ready');
        seen.push((await reader.readline()).toString());
        seen.push((await reader.readline()).toString(), String(reader.atEof()));
        seen.push((await reader.readline()).toString(), (await reader.read()).toString());
        writer.close();
      },
      '127.0.0.1',
      0,
    );
    const socket = await client();
    const reply = received(socket);
    // Nothing is sent before the handler answers: read(0) must not wait for data.
    await new Promise((resolve) => socket.once('data', resolve));
    socket.end('line\nno newline');
    await reply;
    expect(seen).toEqual(['zero 0 eof false', 'line\n', 'no newline', 'true', '', '']);
  });

  it('read() of more than 128 KiB to the end of the stream gets it all', async () => {
    const size = 3 * 2 ** 17;
    server = await startServer(
      async (reader, writer) => {
        writer.write(String((await reader.read()).byteLength));
        writer.close();
      },
      '127.0.0.1',
      0,
    );
    const socket = await client();
    const reply = received(socket);
    socket.end(Buffer.alloc(size, 0x61));
    expect(await reply).toBe(String(size));
  });

  it('a read after the client reset the connection raises ECONNRESET, even with bytes unread', async () => {
    const seen: string[] = [];
    server = await startServer(
      async (reader, writer) => {
        seen.push((await reader.read(1)).toString());
        await writer.waitClosed();
        await reader.read(100).then(
          (data) => seen.push(`data ${data.toString()}`),
          (error: NodeJS.ErrnoException) => seen.push(String(error.code)),
        );
      },
      '127.0.0.1',
      0,
    );
    const socket = await client();
    socket.write('abc');
    // Reset only once the server has read: on a loaded machine the reset can beat the accept, and
    // Node 22 then reports a clean end of stream, not the reset (Node 24 still gives ECONNRESET).
    await until(() => seen.length === 1);
    socket.resetAndDestroy();
    await until(() => seen.length === 2);
    expect(seen).toEqual(['a', 'ECONNRESET']);
  });

  it('pauses reading past 128 KiB unread and resumes once at most 64 KiB is left', async () => {
    const limit = 2 ** 16;
    await onRawPair(async (sender, socket) => {
      const reader = new StreamReader(socket);
      sender.write(Buffer.alloc(2 * limit, 0x61));
      await until(() => socket.bytesRead === 2 * limit);
      expect(socket.isPaused()).toBe(false); // exactly twice the limit: still reading
      sender.write('b');
      await until(() => socket.isPaused());
      expect((await reader.read(1)).byteLength).toBe(1);
      expect(socket.isPaused()).toBe(true); // 2 * limit left
      expect((await reader.read(limit)).byteLength).toBe(limit);
      expect(socket.isPaused()).toBe(false); // limit left
    });
  });

  it('atEof() stays false while bytes wait after the end of the stream', async () => {
    await onRawPair(async (sender, socket) => {
      const reader = new StreamReader(socket);
      const ended = new Promise((resolve) => socket.once('end', resolve));
      sender.end('ab');
      await ended;
      expect((await reader.read(1)).toString()).toBe('a');
      expect(reader.atEof()).toBe(false);
      expect((await reader.read(1)).toString()).toBe('b');
      expect(reader.atEof()).toBe(true);
    });
  });

  it('drain() waits while the client does not read and returns once it has', async () => {
    let drained = false;
    let writing: StreamWriter | undefined;
    server = await startServer(
      async (_reader, writer) => {
        writing = writer;
        writer.write(Buffer.alloc(32 << 20, 0x61));
        await writer.drain();
        drained = true;
        writer.close();
      },
      '127.0.0.1',
      0,
    );
    const socket = await client();
    socket.pause();
    await until(() => writing !== undefined);
    await turns(10);
    expect(drained).toBe(false);
    const reply = received(socket);
    socket.resume();
    expect((await reply).length).toBe(32 << 20);
    expect(drained).toBe(true);
  });

  it('drain() leaves no listener behind on the connection once it returned', async () => {
    await onRawPair(async (sender, socket) => {
      const writer = new StreamWriter(socket);
      const before = [socket.listenerCount('drain'), socket.listenerCount('close')];
      sender.pause();
      writer.write(Buffer.alloc(32 << 20, 0x61));
      const drained = writer.drain();
      sender.resume();
      await drained;
      expect([socket.listenerCount('drain'), socket.listenerCount('close')]).toEqual(before);
    });
  });

  it('drain() returns when the connection closes with the queue still full', async () => {
    let drained = false;
    let writing = false;
    server = await startServer(
      async (_reader, writer) => {
        writing = true;
        writer.write(Buffer.alloc(32 << 20, 0x61));
        await writer.drain();
        drained = true;
      },
      '127.0.0.1',
      0,
    );
    const socket = await client();
    socket.pause();
    await until(() => writing); // the connection is accepted before it is reset
    socket.resetAndDestroy();
    await until(() => drained);
  });

  it('writer: isClosing() once close() is called, write() after close() is dropped, getExtraInfo gives both ends', async () => {
    const seen: unknown[] = [];
    server = await startServer(
      async (reader, writer) => {
        seen.push(writer.getExtraInfo('peername'), writer.getExtraInfo('sockname'));
        seen.push(writer.isClosing());
        writer.write('sent');
        writer.close();
        seen.push(writer.isClosing());
        writer.write(' dropped');
        seen.push((await reader.read()).byteLength);
      },
      '127.0.0.1',
      0,
    );
    const [, port] = server.sockets[0].getsockname();
    const socket = await client();
    expect(await received(socket)).toBe('sent');
    socket.end();
    await until(() => seen.length === 5);
    expect(seen).toEqual([['127.0.0.1', socket.localPort], ['127.0.0.1', port], false, true, 0]);
  });

  it("openConnection keeps writing after the server closed its side, as asyncio's client", async () => {
    const raw = createNetServer({ allowHalfOpen: true }, (socket) => {
      socket.end('hello');
      received(socket).then((text) => {
        heard = text;
      });
    });
    let heard: string | undefined;
    raw.listen(0, '127.0.0.1');
    await new Promise((resolve) => raw.once('listening', resolve));
    const { port } = raw.address() as { port: number };
    try {
      const [reader, writer] = await openConnection('127.0.0.1', port);
      expect((await reader.read()).toString()).toBe('hello');
      writer.write('after eof');
      writer.close();
      await until(() => heard !== undefined);
      expect(heard).toBe('after eof');
    } finally {
      raw.close();
    }
  });

  it('server.waitClosed() resolves only once the server is closed', async () => {
    const listening = await startServer(() => {}, '127.0.0.1', 0);
    let closed = false;
    const waiting = listening.waitClosed().then(() => {
      closed = true;
    });
    await turns(10);
    expect(closed).toBe(false);
    listening.close();
    await waiting;
    expect(closed).toBe(true);
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
    using stderr = captureStderr();
    const errors = stderr.written;
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
  });
});

describe('Transport and the protocol callbacks', () => {
  it('isClosing() once close() or abort() is called; write() after close() is dropped; lost without error', async () => {
    const calls: unknown[] = [];
    class Closer extends Protocol {
      override connectionMade(transport: Transport): void {
        calls.push(transport.isClosing());
        transport.write('sent');
        transport.close();
        calls.push(transport.isClosing());
        transport.write(' dropped');
      }
      override connectionLost(error: Error | undefined): void {
        calls.push(error);
      }
    }
    server = await createServer(() => new Closer(), '127.0.0.1', 0);
    // The client keeps its side open: close() alone must close the connection.
    expect(await received(await client())).toBe('sent');
    await until(() => calls.length === 3);
    expect(calls).toEqual([false, true, undefined]);
    let aborted: boolean | undefined;
    class Aborter extends Protocol {
      override connectionMade(transport: Transport): void {
        transport.abort();
        aborted = transport.isClosing();
      }
    }
    server.close();
    await server.waitClosed();
    server = await createServer(() => new Aborter(), '127.0.0.1', 0);
    await received(await client());
    expect(aborted).toBe(true);
  });

  it('still gives both addresses in connectionLost, once the connection is closed', async () => {
    const seen: unknown[] = [];
    class Lost extends Keeping {
      override connectionLost(): void {
        seen.push(
          this.transport?.getExtraInfo('peername'),
          this.transport?.getExtraInfo('sockname'),
        );
      }
    }
    server = await createServer(() => new Lost(), '127.0.0.1', 0);
    const [, port] = server.sockets[0].getsockname();
    const socket = await client();
    const localPort = socket.localPort;
    socket.destroy();
    await until(() => seen.length === 2);
    expect(seen).toEqual([
      ['127.0.0.1', localPort],
      ['127.0.0.1', port],
    ]);
  });

  it('keeps delivering data after a write: each chunk of the client reaches dataReceived', async () => {
    class Echo extends Keeping {
      override dataReceived(data: Buffer): void {
        this.transport?.write(data);
      }
    }
    server = await createServer(() => new Echo(), '127.0.0.1', 0);
    const socket = await client();
    for (const word of ['one', 'two']) {
      socket.write(word);
      expect(
        (await new Promise<Buffer>((resolve) => socket.once('data', resolve))).toString(),
      ).toBe(word);
    }
    socket.destroy();
  });

  it('stops reading a client that does not read what it is sent, until it has read it', async () => {
    const size = 32 << 20;
    let received = 0; // by the client
    let receivedWhenServerRead = -1;
    class Flood extends Protocol {
      override connectionMade(transport: Transport): void {
        transport.write(Buffer.alloc(size, 0x61)); // far more than the socket's buffers hold
      }
      override dataReceived(): void {
        receivedWhenServerRead = received;
      }
    }
    server = await createServer(() => new Flood(), '127.0.0.1', 0);
    const socket = await client();
    await new Promise((resolve) => socket.once('data', resolve)); // the flood has begun
    socket.on('data', (chunk: Buffer) => {
      received += chunk.byteLength;
    });
    socket.write('x');
    await until(() => receivedWhenServerRead >= 0);
    // Read only once its queue drained: the client had taken all but what the kernel holds (a few
    // MiB). A server that kept reading would have read 'x' at once, near the flood's start.
    expect(receivedWhenServerRead).toBeGreaterThan(size / 2);
    socket.destroy();
  });

  it('passes the reset to connectionLost as an ECONNRESET error', async () => {
    const lost: (NodeJS.ErrnoException | undefined)[] = [];
    let received = false;
    class Keeper extends Protocol {
      override dataReceived(): void {
        received = true;
      }
      override connectionLost(error: Error | undefined): void {
        lost.push(error);
      }
    }
    server = await createServer(() => new Keeper(), '127.0.0.1', 0);
    const socket = await client();
    socket.write('x');
    await until(() => received); // the reset must reach an accepted connection, however loaded
    socket.resetAndDestroy();
    await until(() => lost.length > 0);
    expect(lost.map((error) => error?.code)).toEqual(['ECONNRESET']);
  });

  it('names connection_made and eof_received when they throw', async () => {
    using stderr = captureStderr();
    const errors = stderr.written;
    let made = 0;
    class Failing extends Protocol {
      override connectionMade(): void {
        made += 1;
        if (made === 1) throw new RangeError('made');
      }
      override eofReceived(): boolean | undefined {
        throw new RangeError('eof');
      }
    }
    server = await createServer(() => new Failing(), '127.0.0.1', 0);
    await received(await client());
    const second = await client();
    const reply = received(second);
    second.end();
    await reply;
    expect(errors.join('')).toBe(
      'Fatal error: protocol.connection_made() call failed.\nRangeError: made\n' +
        'Fatal error: protocol.eof_received() call failed.\nRangeError: eof\n',
    );
  });

  it('eofReceived() returning true keeps the connection open to write the answer', async () => {
    class Answer extends Keeping {
      override eofReceived(): boolean {
        setImmediate(() => {
          this.transport?.write('answer after eof');
          this.transport?.close();
        });
        return true;
      }
    }
    server = await createServer(() => new Answer(), '127.0.0.1', 0);
    const socket = await client();
    const reply = received(socket);
    socket.end();
    expect(await reply).toBe('answer after eof');
  });

  it('stops reading while its writes wait for the client, and reads again once they are sent', async () => {
    const got: string[] = [];
    class Flood extends Keeping {
      override dataReceived(data: Buffer): void {
        got.push(data.toString());
        if (got.length === 1) this.transport?.write(Buffer.alloc(16 << 20, 0x61));
      }
    }
    server = await createServer(() => new Flood(), '127.0.0.1', 0);
    const socket = await client();
    socket.pause();
    socket.write('go');
    await until(() => got.length === 1);
    socket.write('more');
    let total = 0;
    socket.on('data', (chunk: Buffer) => {
      total += chunk.byteLength;
    });
    socket.resume();
    await until(() => total === 16 << 20 && got.length === 2);
    expect(got).toEqual(['go', 'more']);
    socket.destroy();
  });
});

describe('Transport.close() in a callback', () => {
  it('delivers nothing more to the protocol once it closed, not even eofReceived', async () => {
    const calls: string[] = [];
    class Once extends Keeping {
      override dataReceived(): void {
        calls.push('data');
        this.transport?.close();
      }
      override eofReceived(): boolean | undefined {
        calls.push('eof');
        return undefined;
      }
      override connectionLost(): void {
        calls.push('lost');
      }
    }
    server = await createServer(() => new Once(), '127.0.0.1', 0);
    const socket = await client();
    // Far more than one read: the rest comes in further chunks, after close().
    socket.end(Buffer.alloc(1 << 20, 0x61));
    await until(() => calls.includes('lost'));
    expect(calls).toEqual(['data', 'lost']);
  });
});
