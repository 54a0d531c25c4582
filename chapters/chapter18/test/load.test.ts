// The reactor under load, in this process so that its tables and heap can be read: 200 clients at
// once, 100 questions each, every answer checked; then, once they have left, nothing of them is
// kept. Throughput figures beside the book's original: bench/reactor.mjs (see the README).
import type { AddressInfo, Server } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { callback, generators, reactor, sessions, shutdown } from '../src/example6.js';
import { runLoad } from '../src/load-client.js';

const CLIENTS = 200;
const REQUESTS = 100;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap in use after a full collection, in bytes. */
function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

let sock: Server;
let port: number;
const log = vi.spyOn(console, 'log').mockImplementation(() => {});

beforeAll(async () => {
  sock = await reactor(0);
  port = (sock.address() as AddressInfo).port;
});

afterAll(() => {
  shutdown(sock);
  log.mockRestore();
});

/** Resolves once the server holds no client any more. */
async function everyoneLeft(): Promise<void> {
  await vi.waitFor(
    async () => {
      const open = await new Promise<number>((resolve, reject) =>
        sock.getConnections((error, count) => (error ? reject(error) : resolve(count))),
      );
      expect({
        open,
        sessions: sessions.size,
        callback: callback.size,
        generators: generators.size,
      }).toEqual({
        open: 0,
        sessions: 0,
        callback: 0,
        generators: 0,
      });
    },
    { timeout: 30_000, interval: 20 },
  );
}

it(`answers ${CLIENTS} clients at once, ${CLIENTS * REQUESTS} questions, all right, and keeps nothing of them once they leave`, async () => {
  const baseline = heapAfterGc();
  const report = await runLoad({ port, clients: CLIENTS, requestsPerClient: REQUESTS });
  expect(report).toMatchObject({ answered: CLIENTS * REQUESTS, wrong: 0, errors: 0, problems: [] });
  await everyoneLeft();
  const lines = log.mock.calls.map(([line]) => String(line));
  expect(lines.filter((line) => line.includes(' --> '))).toHaveLength(CLIENTS * REQUESTS);
  expect(lines.filter((line) => line.endsWith(' quit'))).toHaveLength(CLIENTS);
  log.mockClear(); // the spy's record of each call is no memory of the server's
  const afterFirst = heapAfterGc();

  const again = await runLoad({
    port,
    clients: CLIENTS,
    requestsPerClient: REQUESTS,
    leave: 'drop',
  });
  expect(again).toMatchObject({ answered: CLIENTS * REQUESTS, wrong: 0, errors: 0 });
  await everyoneLeft();
  log.mockClear();
  const afterSecond = heapAfterGc();
  console.info(
    `heap after GC: ${(baseline / 2 ** 20).toFixed(2)} MB before, ${(afterFirst / 2 ** 20).toFixed(2)} MB after the first load, ${(afterSecond / 2 ** 20).toFixed(2)} MB after the second; ${report.requestsPerSecond.toFixed(0)} and ${again.requestsPerSecond.toFixed(0)} requests a second`,
  );
  // The first load leaves the code it made hot (about 2 MB of compiled code and inline caches); the
  // second, on a warm server, leaves less than 20 bytes per question: what 200 forgotten sessions
  // (a socket, a generator, a splitter each) would take alone is more than that.
  expect(afterSecond - afterFirst).toBeLessThan(CLIENTS * REQUESTS * 20);
});
