import { connectTelnet, type RunningServer } from '@mc/testing';
import { afterEach, expect, it } from 'vitest';
import { calculatorExchange } from './exchanges.js';
import { startServer } from './server.js';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.stop();
});

const WELCOME = '<welcome: starting in sum mode>\n';

it("answers the book's exchange, with 'integers' where example3 says 'numbers'", async () => {
  server = await startServer('example6');
  const client = await connectTelnet(server.port);
  await client.expect(WELCOME);
  const exchange = calculatorExchange('integers');
  for (const [line, answer] of exchange) await client.ask(line, answer);
  await client.waitClosed();
  expect(client.received).toBe(`${WELCOME}${exchange.map(([, answer]) => answer).join('')}`);
  await server.printed(`${client.address} quit\n`);
  expect(server.stdout).toContain(`${client.address} -->  4, 5 ,6\n`);
  expect(server.stdout).not.toContain(`${client.address} --> product`);
});

it('serves two clients at once, each in its own mode', async () => {
  server = await startServer('example6');
  const a = await connectTelnet(server.port);
  await a.expect(WELCOME);
  // A is still connected: the blocking servers would not even welcome B now.
  const b = await connectTelnet(server.port);
  await b.expect(WELCOME);
  await a.ask('product\r\n', '<switching to product mode>\r\n');
  await b.ask('2,3\r\n', "Sum of input integers: '5'\r\n");
  await a.ask('2,3\r\n', "Product of input integers: '6'\r\n");
  await b.ask('4,5\r\n', "Sum of input integers: '9'\r\n");
  await a.ask('quit\r\n', 'connection closed\r\n');
  await a.waitClosed();
  expect(b.closed).toBe(false);
  await b.ask('1,1\r\n', "Sum of input integers: '2'\r\n");
  b.drop();
  await server.printed(`${b.address} quit\n`);
  expect(server.stdout.indexOf(`Received connection from ${b.address}`)).toBeLessThan(
    server.stdout.indexOf(`${a.address} quit`),
  );
});

it('answers both of two lines that arrive in one write (the original answers only the first)', async () => {
  server = await startServer('example6');
  const client = await connectTelnet(server.port);
  await client.ask('1,1\n2,2\n', "Sum of input integers: '4'\r\n");
  expect(client.received).toBe(
    `${WELCOME}Sum of input integers: '2'\r\nSum of input integers: '4'\r\n`,
  );
});

it('ends the coroutine of a client that leaves without quit, and serves the next', async () => {
  server = await startServer('example6');
  const a = await connectTelnet(server.port);
  await a.ask('7\n', "Sum of input integers: '7'\r\n");
  a.drop();
  await server.printed(`${a.address} quit\n`);
  const b = await connectTelnet(server.port);
  await b.ask('7,7\n', "Sum of input integers: '14'\r\n");
});
