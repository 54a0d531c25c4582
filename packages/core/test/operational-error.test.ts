import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { connect, createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EOFError } from '../src/index.js';
import { describeOperationalError } from '../src/operational-error.js';

/** The error a real operation rejects with. */
async function caught(operation: () => Promise<unknown>): Promise<unknown> {
  try {
    await operation();
  } catch (error) {
    return error;
  }
  throw new Error('the operation did not fail');
}

async function listening(server: Server, port = 0): Promise<number> {
  server.listen(port, '127.0.0.1');
  await new Promise((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  return (server.address() as { port: number }).port;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listening(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function refusedConnection(port: number): Promise<unknown> {
  return caught(
    () =>
      new Promise((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => resolve(socket.end()));
        socket.once('error', reject);
      }),
  );
}

describe('describeOperationalError', () => {
  it("gives input()'s EOFError as the last line of Python's traceback", () => {
    expect(describeOperationalError(new EOFError('EOF when reading a line'))).toBe(
      'EOFError: EOF when reading a line',
    );
  });

  it('names the address of a refused connection', async () => {
    const port = await closedPort();
    expect(describeOperationalError(await refusedConnection(port))).toBe(
      `cannot connect to 127.0.0.1:${port}: connection refused, nothing listens there (ECONNREFUSED)`,
    );
  });

  it('finds the refusal in the cause of fetch’s `TypeError: fetch failed`', async () => {
    const refused = await refusedConnection(await closedPort());
    const wrapped = new TypeError('fetch failed', { cause: refused });
    expect(describeOperationalError(wrapped)).toBe(describeOperationalError(refused));
  });

  it('takes the address from the parts of an AggregateError (a name with several addresses)', async () => {
    const port = await closedPort();
    const aggregate = Object.assign(new AggregateError([await refusedConnection(port)], ''), {
      code: 'ECONNREFUSED',
    });
    expect(describeOperationalError(aggregate)).toMatch(
      new RegExp(
        `^cannot connect to 127\\.0\\.0\\.1:${port}: connection refused.*\\(ECONNREFUSED\\)$`,
      ),
    );
  });

  it('names the host that does not resolve', () => {
    // The shape getaddrinfo rejects with; a real lookup would ask the network.
    const unknown = Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.invalid'), {
      code: 'ENOTFOUND',
      syscall: 'getaddrinfo',
      hostname: 'nowhere.invalid',
    });
    expect(describeOperationalError(unknown)).toBe(
      'cannot look up nowhere.invalid: unknown host (ENOTFOUND)',
    );
  });

  it('names the missing file', async () => {
    const missing = await caught(() => readFile('no-such-folder/file.txt'));
    expect(describeOperationalError(missing)).toBe(
      'cannot open no-such-folder/file.txt: no such file or directory (ENOENT)',
    );
  });

  it('names the address of a port in use', async () => {
    const first = createServer();
    const port = await listening(first);
    try {
      const inUse = await caught(() => listening(createServer(), port));
      expect(describeOperationalError(inUse)).toBe(
        `cannot listen on 127.0.0.1:${port}: address already in use (EADDRINUSE)`,
      );
    } finally {
      first.close();
    }
  });

  it('reports an AbortSignal.timeout deadline', async () => {
    const signal = AbortSignal.timeout(1);
    await new Promise((resolve) => signal.addEventListener('abort', resolve));
    expect(describeOperationalError(signal.reason)).toMatch(/^timed out: .*\(TimeoutError\)$/);
  });

  it('reports undici’s socket error by its code', () => {
    const socket = Object.assign(new Error('other side closed'), {
      name: 'SocketError',
      code: 'UND_ERR_SOCKET',
    });
    expect(describeOperationalError(socket)).toBe(
      'request failed: the connection closed before the answer was complete (UND_ERR_SOCKET)',
    );
  });

  it('leaves a bug alone: no code, an unlisted code, or no error at all', () => {
    expect(describeOperationalError(new TypeError('x is not a function'))).toBeUndefined();
    const invalid = Object.assign(new TypeError('bad argument'), { code: 'ERR_INVALID_ARG_TYPE' });
    expect(describeOperationalError(invalid)).toBeUndefined();
    expect(describeOperationalError('a string')).toBeUndefined();
    expect(describeOperationalError(undefined)).toBeUndefined();
  });

  it('stops at a cause that points back to itself', () => {
    const loop: Error & { cause?: unknown } = new Error('loop');
    loop.cause = loop;
    expect(describeOperationalError(loop)).toBeUndefined();
  });
});

describe('runMain with an operational error', () => {
  const fixture = fileURLToPath(new URL('./fixtures/run-main-errors.mjs', import.meta.url));
  const run = (scenario: string) =>
    spawnSync(process.execPath, [fixture, scenario], { encoding: 'utf8', timeout: 20_000 });

  it.each([
    ['refused', /^cannot connect to 127\.0\.0\.1:\d+: connection refused.*\(ECONNREFUSED\)$/],
    ['missing-file', /^cannot open no-such-folder\/no-such-file\.txt: .*\(ENOENT\)$/],
    ['port-in-use', /^cannot listen on 127\.0\.0\.1:\d+: address already in use \(EADDRINUSE\)$/],
  ])('%s: prints one line and exits 1', (scenario, line) => {
    const result = run(scenario);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr.trimEnd()).toMatch(line);
  });

  it('a thread that meets one reports it in one line, and the program goes on as in Python', () => {
    const result = run('thread-refused');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('main returned\n');
    expect(result.stderr).toMatch(
      /^Exception in thread Fetcher: cannot connect to .*\(ECONNREFUSED\)\n$/,
    );
  });

  it('a bug still prints its stack', () => {
    const result = run('bug');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('SyntaxError');
    expect(result.stderr).toMatch(/\n\s+at /);
  });
});
