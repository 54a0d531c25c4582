// Mirrors Chapter11/example2.py: example1's server, now echoing every chunk back.
// Lesson: a protocol answers through its transport; the connection stays open for the next line.
// Written out in full, as the book repeats it: the lines that differ from example1 are the lesson.
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
    this.transport?.write(Buffer.from(`Echoed back: ${message}`));
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
