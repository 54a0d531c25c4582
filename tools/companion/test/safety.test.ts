import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Companion, startCompanion } from '../src/server.js';
import { liveState, processesRunning, rawRequest, root, runToEnd } from './helpers.js';

// Each refusal the companion owes a reader who runs it on their machine, tested against a real
// server on a free port, with real runs through the runner (time scale 0.2: the book's sleeps
// five times shorter; a blocking example's limit is then the runner's 2 s floor).
let companion: Companion;
beforeAll(async () => {
  companion = await startCompanion({ root, live: liveState, port: 0, timeScale: 0.2 });
});
afterAll(async () => {
  await companion?.close();
});

const run = (body: Record<string, unknown>, token = companion.token) =>
  runToEnd(companion.url, token, body);

describe('the companion refuses', () => {
  it('to listen anywhere but 127.0.0.1', async () => {
    expect(companion.address).toBe('127.0.0.1');
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((one) => one && one.family === 'IPv4' && !one.internal);
    for (const other of others) {
      const refused = await new Promise<boolean>((done) => {
        const socket = connect(companion.port, other?.address ?? '');
        socket.on('connect', () => {
          socket.destroy();
          done(false);
        });
        socket.on('error', () => done(true));
      });
      expect(refused, `reachable on ${other?.address}`).toBe(true);
    }
  });

  it('a request for another host name (DNS rebinding)', async () => {
    const ok = await rawRequest(companion.port, {
      headers: { host: `127.0.0.1:${companion.port}` },
    });
    expect(ok.status).toBe(200);
    const local = await rawRequest(companion.port, {
      headers: { host: `localhost:${companion.port}` },
    });
    expect(local.status).toBe(200);
    for (const host of [
      `attacker.example:${companion.port}`,
      'attacker.example',
      `127.0.0.1:${companion.port + 1}`,
    ]) {
      const refused = await rawRequest(companion.port, {
        path: '/chapter03.html',
        headers: { host },
      });
      expect(refused.status, host).toBe(403);
    }
    const runRefused = await rawRequest(companion.port, {
      method: 'POST',
      path: '/api/run',
      headers: {
        host: 'attacker.example',
        'x-companion-token': companion.token,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ chapter: 'chapter03', example: 'example3' }),
    });
    expect(runRefused.status).toBe(403);
  });

  it('a run without the token the page was served with', async () => {
    const page = await (await fetch(`${companion.url}chapter03.html`)).text();
    expect(page).toContain(`content="${companion.token}"`);
    const none = await fetch(`${companion.url}api/run`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ chapter: 'chapter03', example: 'example3' }),
    });
    expect(none.status).toBe(403);
    const wrong = await run(
      { chapter: 'chapter03', example: 'example3' },
      'x'.repeat(companion.token.length),
    );
    expect(wrong.status).toBe(403);
    expect(processesRunning(join(root, 'chapters/chapter03/dist/example3.js'))).toEqual([]);
  });

  it('an example that is not declared, and arguments of its own', async () => {
    expect((await run({ chapter: 'chapter03', example: 'example99' })).status).toBe(404);
    expect((await run({ chapter: 'chapter03', example: '../../../tmp/x' })).status).toBe(404);
    expect((await run({ chapter: 'chapter99', example: 'example1' })).status).toBe(404);
    expect((await run({ chapter: 'chapter03', example: 'examples' })).status).toBe(404);
    const withArgs = await run({ chapter: 'chapter03', example: 'example2', args: ['--no-wait'] });
    expect(withArgs.status).toBe(400);
    expect(withArgs.text).toContain('declared arguments');
  });

  it('a second run of an example while one runs; the run ends at its limit and leaves no process', async () => {
    const script = join(root, 'chapters/chapter12/dist/example4.js');
    let seen: number[] = [];
    const first = run({ chapter: 'chapter12', example: 'example4' });
    // The first run is registered before its response starts: the second request is refused.
    await expect.poll(() => companion.runs.get('chapter12', 'example4')).toBeDefined();
    const second = await run({ chapter: 'chapter12', example: 'example4' });
    expect(second.status).toBe(409);
    await expect
      .poll(
        () => {
          seen = processesRunning(script);
          return seen.length;
        },
        { timeout: 30_000 },
      )
      .toBeGreaterThan(0);
    const { events } = await first;
    const end = events.at(-1) as { type: string; ok: boolean; outcomes: string[] };
    expect(end.type).toBe('end');
    expect(end.outcomes).toEqual(['✓ blocks']);
    expect(end.ok).toBe(true);
    expect(processesRunning(script)).toEqual([]);
    for (const pid of seen) expect(() => process.kill(pid, 0)).toThrow();
    expect(companion.runs.get('chapter12', 'example4')).toBeUndefined();
  });

  it('to let a stopped run go on: Stop interrupts it as Ctrl-C does, and nothing is left', async () => {
    const script = join(root, 'chapters/chapter12/dist/example1.js');
    const running = run({ chapter: 'chapter12', example: 'example1' });
    await expect
      .poll(() => processesRunning(script).length, { timeout: 30_000 })
      .toBeGreaterThan(0);
    const stop = await fetch(`${companion.url}api/stop`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-companion-token': companion.token },
      body: JSON.stringify({ chapter: 'chapter12', example: 'example1' }),
    });
    expect(stop.status).toBe(200);
    const { events } = await running;
    const end = events.at(-1) as { outcomes: string[]; exitCode: number };
    expect(end.outcomes).toHaveLength(1);
    // Under --trace the runner adds what the trace of a stopped run lacks; the verdict leads.
    expect(end.outcomes[0]).toMatch(/^✗ interrupted\b/);
    expect(end.exitCode).toBe(130);
    expect(processesRunning(script)).toEqual([]);
  });

  it('to keep running a run nobody watches: closing the page stops it', async () => {
    const script = join(root, 'chapters/chapter12/dist/example1.js');
    const closing = new AbortController();
    const response = await fetch(`${companion.url}api/run`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-companion-token': companion.token },
      body: JSON.stringify({ chapter: 'chapter12', example: 'example1' }),
      signal: closing.signal,
    });
    expect(response.status).toBe(200);
    await expect
      .poll(() => processesRunning(script).length, { timeout: 30_000 })
      .toBeGreaterThan(0);
    const run = companion.runs.get('chapter12', 'example1');
    closing.abort();
    await run?.done;
    const end = run?.events.at(-1) as { outcomes: readonly string[] };
    expect(end.outcomes).toHaveLength(1);
    // Under --trace the runner adds what the trace of a stopped run lacks; the verdict leads.
    expect(end.outcomes[0]).toMatch(/^✗ interrupted\b/);
    expect(processesRunning(script)).toEqual([]);
  });
});
