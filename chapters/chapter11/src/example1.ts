// Mirrors Chapter11/example1.py: a protocol server on 127.0.0.1:8888 that only logs what it receives.
// Lesson: the event loop calls the protocol when a client connects and when data arrives; there
// is no read loop in the program. Core's `Protocol` and `createServer` are asyncio's, on Node's
// net module. `--port N` (0: a free port) for tests.
import { decode, interrupted, isMain, portOption, print, pyRepr, runMain } from '@mc/core';
import { createServer, Protocol, type Transport } from '@mc/core/asyncio';

export class EchoServerClientProtocol extends Protocol {
  transport: Transport | undefined;

  override connectionMade(transport: Transport): void {
    const peername = transport.getExtraInfo('peername');
    print(`Connection from ${pyRepr(peername)}`);
    this.transport = transport;
  }

  override dataReceived(data: Buffer): void {
    const message = decode(data);
    print(`Data received: ${pyRepr(message)}`);
  }
}

export async function main(): Promise<void> {
  const port = portOption(8888);
  const server = await createServer(() => new EchoServerClientProtocol(), '127.0.0.1', port);

  // Serve requests until Ctrl+C is pressed (caught from before the line that says so)
  const stop = interrupted();
  print(`Serving on ${pyRepr(server.sockets[0].getsockname())}`);
  await stop;

  // Close the server
  server.close();
  await server.waitClosed();
}

if (isMain(import.meta.url)) runMain(main);
