// Chapter11/example1.py: a protocol server on 127.0.0.1:8888 that only logs what it receives.
// Lesson: the event loop calls the protocol when a client connects and when data arrives; there
// is no read loop in the program. Node: a net.Server's connection listener and a socket's 'data'
// events are those callbacks (src/protocol.ts). `--port N` (0: a free port) for tests.
import { decode, isMain, pyRepr, runMain } from '@mc/core';
import type { Protocol, Transport } from './protocol.js';
import { serve } from './serve.js';

export class EchoServerClientProtocol implements Protocol {
  transport: Transport | undefined;

  connectionMade(transport: Transport): void {
    const peername = transport.getExtraInfo('peername');
    console.log(`Connection from ${pyRepr(peername)}`);
    this.transport = transport;
  }

  /** Logs the chunk; returns the text, for the servers of examples 2 and 3 that build on this one. */
  dataReceived(data: Buffer): string {
    const message = decode(data);
    console.log(`Data received: ${pyRepr(message)}`);
    return message;
  }
}

if (isMain(import.meta.url)) runMain(() => serve(() => new EchoServerClientProtocol()));
