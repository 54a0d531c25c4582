import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runClientScript, timeWaitCount, waitOutTimeWait } from '../src/client-script.js';
import type { ClientScript, ExampleDeclaration } from '../src/declare.js';
import { checkRun } from '../src/outcome.js';
import { type RunRequest, runExample } from '../src/run-example.js';
import { useFixtureRoot } from './fixture-root.js';

const fixtureRoot = useFixtureRoot();
let chapter: string;
beforeAll(() => {
  chapter = join(fixtureRoot(), 'chapter01');
});

const echoScript: ClientScript = {
  listening: /Serving on 127\.0\.0\.1:(\d+)/,
  sessions: [
    { name: 'client 1', steps: [{ send: 'hello\r\n' }, { expect: 'echo: hello' }] },
    { name: 'client 2', steps: [{ send: 'bye\n' }, { expect: /^bye$/m }, { closed: true }] },
  ],
  stepSeconds: 3,
};

/** Runs the echo server fixture with `flags`, driven by `script`, and checks it as `serves`. */
async function serve(flags: string[], script: ClientScript, port?: number) {
  const lines: string[] = [];
  const request: RunRequest = {
    command: process.execPath,
    args: [join(chapter, 'dist', 'echo-server.js'), ...flags],
    cwd: chapter,
    limitSeconds: 20,
    graceMs: 500,
    client: { script, onLine: (line) => lines.push(line), ...(port ? { port } : {}) },
  };
  const run = await runExample(request);
  const example: Pick<ExampleDeclaration, 'outcome'> = {
    outcome: { kind: 'serves', client: script },
  };
  return { run, lines, verdict: checkRun(example, run) };
}

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('a server example (outcome serves)', () => {
  it('is driven by its client script once it listens, then stopped by SIGINT with its port closed', async () => {
    const { run, lines, verdict } = await serve([], echoScript);
    expect(verdict).toEqual({ ok: true, outcome: 'serves' });
    expect(run.served?.script).toEqual({ ok: true });
    expect(run.served?.stoppedByInterrupt).toBe(true);
    expect(run.served?.portClosed).toBe(true);
    expect(run.stdout).toContain('Stopped'); // the server's own SIGINT handler ran
    expect(lines).toEqual([
      '[client 1] connected',
      '[client 1] > hello',
      '[client 1] < echo: hello',
      '[client 2] connected',
      '[client 2] > bye',
      '[client 2] < bye',
      '[client 2] closed by the server',
    ]);
  });

  it.skipIf(!existsSync('/proc/net/tcp'))(
    'waits, before starting a server on a fixed port, until no connection there is in TIME_WAIT',
    async () => {
      const port = await freePort();
      const script: ClientScript = {
        ...echoScript,
        sessions: [{ name: 'client 1', steps: [{ send: 'bye\n' }, { closed: true }] }],
      };
      // The server closes first, so its side of the connection stays in TIME_WAIT for a minute.
      expect((await serve(['--quiet', '--port', String(port)], script, port)).verdict.ok).toBe(
        true,
      );
      expect(await timeWaitCount(port)).toBeGreaterThan(0);
      // The wait is bounded: given 0.5 s, it gives up and says so.
      const started = Date.now();
      expect(await waitOutTimeWait(port, 0.5)).toBe(false);
      expect(Date.now() - started).toBeGreaterThanOrEqual(500);
      expect(await waitOutTimeWait(await freePort(), 0.5)).toBe(true);
    },
  );

  it('fails naming the step when a reply never comes', async () => {
    const script: ClientScript = {
      ...echoScript,
      sessions: [{ name: 'client 1', steps: [{ send: 'hi\n' }, { expect: 'echo: bye' }] }],
      stepSeconds: 0.5,
    };
    const { run, verdict } = await serve([], script);
    expect(verdict.ok).toBe(false);
    expect(verdict.outcome).toBe('client failed: client 1: expect echo: bye: nothing after 0.5 s');
    expect(run.served?.portClosed).toBe(true); // stopped all the same
  });

  it('runs the sessions of a together script side by side', async () => {
    const pair = (name: string) => ({ name, steps: [{ send: 'count\n' }, { expect: 'two' }] });
    const together: ClientScript = {
      ...echoScript,
      sessions: [pair('client 1'), pair('client 2')],
      together: true,
      stepSeconds: 2,
    };
    expect((await serve(['--pairs'], together)).verdict).toEqual({ ok: true, outcome: 'serves' });
    // One after the other, the first client waits for a second that never comes while it is there.
    const apart = await serve(['--pairs'], { ...together, together: false });
    expect(apart.verdict.outcome).toMatch(
      /^client failed: client 1: expect two: nothing after 2 s/,
    );
  });

  it('fails a server that does not stop on SIGINT, and stops it by force', async () => {
    const { run, verdict } = await serve(['--ignore-sigint'], echoScript);
    expect(verdict).toEqual({ ok: false, outcome: 'did not stop on SIGINT' });
    expect(run.served?.portClosed).toBe(true);
  });

  it('fails a server that exits while the client still talks to it', async () => {
    const { verdict } = await serve(['--exit-early'], echoScript);
    expect(verdict.ok).toBe(false);
    expect(verdict.outcome).toMatch(/^client failed: client 1: /);
  });

  it('fails a program that exits without ever listening', async () => {
    const run = await runExample({
      command: process.execPath,
      args: [join(chapter, 'dist', 'quick.js')],
      cwd: chapter,
      limitSeconds: 20,
      client: { script: echoScript },
    });
    const verdict = checkRun({ outcome: { kind: 'serves', client: echoScript } }, run);
    expect(verdict).toEqual({ ok: false, outcome: 'exited 0 before listening' });
  });

  it('drives a server that prints no listening line on its known port (the Python originals)', async () => {
    const port = await freePort();
    const { verdict, lines } = await serve(['--quiet', '--port', String(port)], echoScript, port);
    expect(verdict).toEqual({ ok: true, outcome: 'serves' });
    expect(lines).toContain('[client 1] < echo: hello');
  });
});

describe('a serverPrints step', () => {
  it("waits for the server's own output before the next step, and fails naming it when it never comes", async () => {
    // A server that answers nothing; what it "prints" appears 300 ms after the data arrives.
    let printed = '';
    const server = createServer((socket) => {
      socket.on('data', () => {
        setTimeout(() => {
          printed += 'Data received\n';
        }, 300);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const output = () => ({ stdout: printed, stderr: '' });
    try {
      const script = (expected: string): ClientScript => ({
        listening: /(\d+)/,
        stepSeconds: 5,
        sessions: [{ name: 'client 1', steps: [{ send: 'hi\r\n' }, { serverPrints: expected }] }],
      });
      const ok = await runClientScript(port, script('Data received'), () => {}, output);
      expect(ok).toEqual({ ok: true });
      expect(printed).toBe('Data received\n');
      const never = await runClientScript(
        port,
        { ...script('never printed'), stepSeconds: 0.5 },
        () => {},
        output,
      );
      expect(never.failure).toMatch(
        /client 1: wait for the server to print never printed: not printed after 0.5 s/,
      );
    } finally {
      server.close();
    }
  });
});
