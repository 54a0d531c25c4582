import type { Socket } from 'node:net';
import { extraInfo, listen, type Server, type SocketAddress } from './server.js';

/**
 * A connection as a protocol sees it, twin of asyncio's socket transport: what a protocol writes
 * to and closes.
 */
export class Transport {
  readonly #socket: Socket;
  #closing = false;

  /** @internal Made by `createServer` for each connection. */
  constructor(socket: Socket) {
    this.#socket = socket;
  }

  /** The client's (`'peername'`) or this end's (`'sockname'`) address. Twin of `get_extra_info`. */
  getExtraInfo(name: 'peername' | 'sockname'): SocketAddress {
    return extraInfo(this.#socket, name);
  }

  /**
   * Queues `data` to send. Twin of `write(data)`. While the client does not read and the queue is
   * full, the transport stops reading from it until it does (asyncio would call the protocol's
   * `pause_writing()`, which the book's protocols do not define, and buffer without limit).
   */
  write(data: Uint8Array | string): void {
    if (this.#closing) return;
    if (!this.#socket.write(data)) {
      this.#socket.pause();
      this.#socket.once('drain', () => this.#socket.resume());
    }
  }

  /** Sends what is queued, then closes; nothing more reaches the protocol. Twin of `close()`. */
  close(): void {
    this.#closing = true;
    this.#socket.end(() => this.#socket.destroy());
  }

  /** True once `close()` or `abort()` was called. Twin of `is_closing()`. */
  isClosing(): boolean {
    return this.#closing;
  }

  /** Closes at once, dropping what is queued. Twin of `abort()`. */
  abort(): void {
    this.#closing = true;
    this.#socket.destroy();
  }
}

/**
 * The callbacks the event loop calls for one connection, twin of `asyncio.Protocol`: subclass it
 * and override what you need, as the book's `EchoServerClientProtocol(asyncio.Protocol)` does.
 * Every method does nothing by default.
 *
 * @example class Echo extends Protocol { override dataReceived(data: Buffer) { this.transport?.write(data) } }
 */
export class Protocol {
  /** A client connected: keep the transport to write or close. Twin of `connection_made`. */
  connectionMade(_transport: Transport): void {}

  /** One read's bytes, not one message (telnet sends a line per read). Twin of `data_received`. */
  dataReceived(_data: Buffer): void {}

  /**
   * The client closed its side. Return true to keep the connection open for writing; otherwise
   * the transport closes it, as asyncio's does. Twin of `eof_received`.
   */
  eofReceived(): boolean | undefined {
    return undefined;
  }

  /** The connection is closed; `error` when it was lost (a reset). Twin of `connection_lost`. */
  connectionLost(_error: Error | undefined): void {}
}

/** What asyncio prints on stderr when a protocol callback raises; then it aborts that connection. */
function reportCallbackError(callback: string, error: unknown): void {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  process.stderr.write(`Fatal error: protocol.${callback}() call failed.\n${text}\n`);
}

/**
 * Listens on host:port and, for each connection, makes a protocol with `protocolFactory`, calls
 * its `connectionMade`, then `dataReceived` per chunk read, `eofReceived` when the client closes
 * its side, `connectionLost` at the end. Twin of `loop.create_server(protocol_factory, host,
 * port)`. A callback that throws is reported on stderr (`Fatal error: protocol.data_received()
 * call failed.` and the error) and aborts its own connection only, as asyncio's.
 *
 * @example const server = await createServer(() => new EchoServerClientProtocol(), '127.0.0.1', 8888)
 * @throws the error of `listen` (`EADDRINUSE`...) when the port cannot be bound.
 */
export function createServer(
  protocolFactory: () => Protocol,
  host: string,
  port: number,
): Promise<Server> {
  return listen(host, port, (socket) => {
    const transport = new Transport(socket);
    const protocol = protocolFactory();
    const call = (name: string, callback: () => unknown): unknown => {
      try {
        return callback();
      } catch (error) {
        reportCallbackError(name, error);
        transport.abort();
        return undefined;
      }
    };
    let lost: Error | undefined;
    socket.on('error', (error) => {
      lost = error;
    });
    socket.once('close', () => call('connection_lost', () => protocol.connectionLost(lost)));
    call('connection_made', () => protocol.connectionMade(transport));
    socket.on('data', (data: Buffer) => {
      if (!transport.isClosing()) call('data_received', () => protocol.dataReceived(data));
    });
    socket.on('end', () => {
      if (transport.isClosing()) return;
      if (call('eof_received', () => protocol.eofReceived()) !== true) transport.close();
    });
  });
}
