import { connectTelnet, type RunningServer } from '@mc/testing';
import { afterEach, expect, it } from 'vitest';
import { startServer } from './server.js';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.stop();
});

it("echoes the book's exchange, in Python's ascii() quotes, and logs every line but quit", async () => {
  server = await startServer('example1');
  const client = await connectTelnet(server.port);
  const exchange: [string, string][] = [
    ['hello\r\n', "Echoed: 'hello'\r\n"],
    ['\r\n', "Echoed: ''\r\n"],
    ["it's \u00e9 ok  \n", `Echoed: "it's \\xe9 ok"\r\n`],
    ['1,2,3\n', "Echoed: '1,2,3'\r\n"],
    ['sum\n', "Echoed: 'sum'\r\n"],
    [' 4, 5 ,6 \n', "Echoed: ' 4, 5 ,6'\r\n"],
  ];
  for (const [line, answer] of exchange) await client.ask(line, answer);
  await client.ask('quit\r\n', 'connection closed\r\n');
  await client.waitClosed();
  expect(client.received).toBe(
    `${exchange.map(([, answer]) => answer).join('')}connection closed\r\n`,
  );

  const who = client.address;
  await server.printed(`${who} quit\n`);
  expect(server.stdout.split('\n').slice(1)).toEqual([
    `Received connection from ${who}`,
    `${who} --> hello`,
    `${who} --> `,
    `${who} --> it's \u00e9 ok`,
    `${who} --> 1,2,3`,
    `${who} --> sum`,
    `${who} -->  4, 5 ,6`,
    `${who} quit`,
    '',
  ]);
});
