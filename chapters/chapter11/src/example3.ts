// Chapter11/example3.py: example2's server, closing the connection after its first echo.
// Lesson: the server may end a connection itself; the transport sends the echo first, then
// closes (Node: `socket.end()`, not `destroy()`), and nothing received after is delivered.
import { isMain, runMain } from '@mc/core';
import { EchoServerClientProtocol as EchoingProtocol } from './example2.js';
import { serve } from './serve.js';

export class EchoServerClientProtocol extends EchoingProtocol {
  override dataReceived(data: Buffer): string {
    const message = super.dataReceived(data);

    console.log('Close the client socket');
    this.transport?.close();
    return message;
  }
}

if (isMain(import.meta.url)) runMain(() => serve(() => new EchoServerClientProtocol()));
