import { connectTelnet, type RunningServer } from '@mc/testing';
import { afterEach, expect, it } from 'vitest';
import { calculatorExchange } from './exchanges.js';
import { startServer } from './server.js';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.stop();
});

it("answers the book's exchange byte for byte, and logs every line but the commands", async () => {
  server = await startServer('example3');
  const client = await connectTelnet(server.port);
  await client.expect('<welcome: starting in sum mode>\n');
  const exchange = calculatorExchange('numbers');
  for (const [line, answer] of exchange) await client.ask(line, answer);
  await client.waitClosed();
  expect(client.received).toBe(
    `<welcome: starting in sum mode>\n${exchange.map(([, answer]) => answer).join('')}`,
  );

  const who = client.address;
  await server.printed(`${who} quit\n`);
  const logged = exchange
    .map(([line]) => line.trimEnd())
    .filter((line) => !['sum', 'product', 'quit'].includes(line))
    .map((line) => `${who} --> ${line}`);
  expect(server.stdout.split('\n').slice(1)).toEqual([
    `Received connection from ${who}`,
    ...logged,
    `${who} quit`,
    '',
  ]);
});
