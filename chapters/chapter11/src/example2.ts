// Chapter11/example2.py: example1's server, now echoing every chunk back.
// Lesson: a protocol answers through its transport; the connection stays open for the next line.
import { isMain, runMain } from '@mc/core';
import { EchoServerClientProtocol as LoggingProtocol } from './example1.js';
import { serve } from './serve.js';

export class EchoServerClientProtocol extends LoggingProtocol {
  override dataReceived(data: Buffer): string {
    const message = super.dataReceived(data);

    this.transport?.write(Buffer.from(`Echoed back: ${message}`, 'utf8'));
    return message;
  }
}

if (isMain(import.meta.url)) runMain(() => serve(() => new EchoServerClientProtocol()));
