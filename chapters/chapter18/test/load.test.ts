// The reactor under load, in this process so that its tables and heap can be read: 200 clients at
// once, 100 questions each, every answer checked; then, once they have left, nothing of them is
// kept. Throughput figures beside the book's original: bench/reactor.mjs (see the README).
import type { AddressInfo, Server, Socket } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { interceptPrinted } from '@mc/testing';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { Listener } from '../src/blocking-socket.js';
import { callback, generators, reactor, sessions } from '../src/example6.js';
import { runLoad } from '../src/load-client.js';

const CLIENTS = 200;
const REQUESTS = 100;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap in use after a full collection, in bytes (in a later task: a WeakRef holds its target until then). */
async function heapAfterGc(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/**
 * How many of the connections served since the last call are still reachable after a full GC, once
 * one more client has come and gone. Only that wait is the reactor's frame's due: a suspended async
 * function keeps its locals (`readyToRead`, `ready`, `conn`) as they were at its last round, until
 * the next round overwrites them (seen in a heap snapshot: Connection <- the reactor's
 * parameters_and_registers <- its pending select()), as the book's Python frame keeps its
 * `ready_to_read` and `conn`. When every client drops at once, that last round is all of them (one
 * select() answers every connection that ended in the same turn of the event loop). Anything
 * else that holds a client that has left fails this, and the heap is measured after it.
 */
async function heldOnceAnotherLeft(): Promise<number> {
  const left = served;
  served = [];
  const another = await runLoad({ port, clients: 1, requestsPerClient: 1, leave: 'drop' });
  expect(another).toMatchObject({ answered: 1, wrong: 0, errors: 0 });
  await everyoneLeft();
  printed.length = 0; // the test's record of each line is no memory of the server's
  await heapAfterGc();
  served = [];
  return left.filter((ref) => ref.deref() !== undefined).length;
}

let sock: Server;
let listener: Listener;
let running: Promise<void>;
let port: number;
/** Every connection the server took, held weakly: once a client has left, nothing may keep it. */
let served: WeakRef<Socket>[] = [];
/** What the reactor printed, captured instead of written. */
const printed: string[] = [];
const stopCapture = interceptPrinted((line) => printed.push(line));

beforeAll(async () => {
  // The reactor runs for ever, as the book's: the test takes hold of its listener from outside.
  const open = Listener.open.bind(Listener);
  const opened = new Promise<Listener>((resolve) => {
    vi.spyOn(Listener, 'open').mockImplementationOnce(async (port) => {
      const made = await open(port);
      resolve(made);
      return made;
    });
  });
  running = reactor(0);
  listener = await opened;
  sock = listener.server;
  port = (sock.address() as AddressInfo).port;
  sock.on('connection', (conn: Socket) => served.push(new WeakRef(conn)));
});

afterAll(async () => {
  listener.close(); // what Ctrl+C does: the reactor's loop ends
  await running;
  stopCapture();
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
        sessions: 1, // the listener itself, as in the book's table
        callback: 0,
        generators: 0,
      });
    },
    { timeout: 30_000, interval: 20 },
  );
}

it(`answers ${CLIENTS} clients at once, ${CLIENTS * REQUESTS} questions, all right, and keeps nothing of them once they leave`, async () => {
  const baseline = await heapAfterGc();
  const report = await runLoad({ port, clients: CLIENTS, requestsPerClient: REQUESTS });
  expect(report).toMatchObject({ answered: CLIENTS * REQUESTS, wrong: 0, errors: 0, problems: [] });
  await everyoneLeft();
  const lines = [...printed];
  expect(lines.filter((line) => line.includes(' --> '))).toHaveLength(CLIENTS * REQUESTS);
  expect(lines.filter((line) => line.endsWith(' quit'))).toHaveLength(CLIENTS);
  expect(await heldOnceAnotherLeft()).toBe(0);
  const afterFirst = await heapAfterGc();

  const again = await runLoad({
    port,
    clients: CLIENTS,
    requestsPerClient: REQUESTS,
    leave: 'drop',
  });
  expect(again).toMatchObject({ answered: CLIENTS * REQUESTS, wrong: 0, errors: 0 });
  await everyoneLeft();
  expect(await heldOnceAnotherLeft()).toBe(0);
  const afterSecond = await heapAfterGc();
  console.info(
    `heap after GC: ${(baseline / 2 ** 20).toFixed(2)} MB before, ${(afterFirst / 2 ** 20).toFixed(2)} MB after the first load, ${(afterSecond / 2 ** 20).toFixed(2)} MB after the second; ${report.requestsPerSecond.toFixed(0)} and ${again.requestsPerSecond.toFixed(0)} requests a second`,
  );
  // None of the 400 connections is reachable (checked above). And the heap: the first
  // load leaves the code it made hot (about 2 MB of compiled code and inline caches), the second,
  // on a warm server, less than 20 bytes per question (measured: 0.1 MB for the 20,000).
  expect(afterSecond - afterFirst).toBeLessThan(CLIENTS * REQUESTS * 20);
});
