// The client scripts src/examples.ts declares for the runner, played against each server here, so
// that a script the server cannot pass fails in this package first. `together` sessions run side
// by side; each step waits for its text (@mc/testing's client gives up after 20 s).
import type { ClientSession, ExampleDeclaration } from '@mc/runner';
import { connectTelnet } from '@mc/testing';
import { expect, it } from 'vitest';
import declaration from '../src/examples.js';
import { startServer } from './server.js';

const servers = declaration.examples.filter(
  (example): example is ExampleDeclaration & { outcome: { kind: 'serves' } } =>
    example.outcome.kind === 'serves',
);

async function play(port: number, session: ClientSession): Promise<void> {
  const client = await connectTelnet(port);
  for (const step of session.steps) {
    if ('send' in step) client.send(step.send);
    else if ('closed' in step) await client.waitClosed();
    else if ('expect' in step && typeof step.expect === 'string') await client.expect(step.expect);
    else
      throw new Error(
        `${session.name}: a RegExp or serverPrints step; this test plays strings only`,
      );
  }
  client.drop();
}

it.each(servers.map((example) => [example.name, example] as const))(
  '%s passes its declared client script and stops cleanly on SIGINT',
  async (name, example) => {
    const server = await startServer(name);
    const { sessions, together } = example.outcome.client;
    if (together) await Promise.all(sessions.map((session) => play(server.port, session)));
    else for (const session of sessions) await play(server.port, session);
    expect(await server.stop()).toEqual({ code: 0, signal: null });
    for (const pattern of example.output ?? []) {
      if (typeof pattern === 'string') expect(server.stdout).toContain(pattern);
      else expect(server.stdout).toMatch(pattern);
    }
    expect(server.stdout).toMatch(example.outcome.client.listening);
  },
);
