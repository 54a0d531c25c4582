import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { processExists, runExample } from '../src/index.js';

// A package folder of its own, whose dist/ holds small programs (dist/ is not kept in git).
const packageDir = mkdtempSync(join(tmpdir(), 'mc-testing-'));
mkdirSync(join(packageDir, 'dist'));
const programs: Record<string, string> = {
  report: `
    console.log('scale ' + process.env.BOOK_TIME_SCALE);
    console.log('args ' + process.argv.slice(2).join(','));
    console.log('base ' + (process.env.BOOK_BASE_URL ?? 'none'));
    console.error('to stderr');
    process.exitCode = 3;`,
  // Prints `started`, then connects to READY_PORT to tell the test; never ends while connected (so
  // it cannot outlive a failed test's process).
  'hang-ready': `
    console.log('started');
    require('node:net')
      .connect(Number(process.env.READY_PORT), '127.0.0.1')
      .on('close', () => process.exit(1))
      .on('error', () => {});`,
  prompt: `
    process.stdout.write('Type something: ');
    let input = '';
    process.stdin.on('data', (chunk) => { input += chunk; });
    process.stdin.on('end', () => console.log('got ' + JSON.stringify(input)));`,
};
for (const [name, source] of Object.entries(programs)) {
  writeFileSync(join(packageDir, 'dist', `${name}.js`), source);
}
afterAll(() => rmSync(packageDir, { recursive: true, force: true }));

describe('runExample', () => {
  it('collects stdout as lines, stderr and the exit status, with the time scale and arguments', async () => {
    const run = await runExample(packageDir, 'report', { timeScale: 0.01, args: ['a', 'b'] });
    expect(run.code).toBe(3);
    expect(run.lines).toEqual(['scale 0.01', 'args a,b', expect.stringMatching(/^base /)]);
    expect(run.stdout).toBe(`${run.lines.join('\n')}\n`);
    expect(run.stderr).toBe('to stderr\n');
    expect(run.pid).toBeGreaterThan(0);
    expect(run.lastOutputAt).toBeGreaterThan(0);
    expect(run.lastOutputAt).toBeLessThanOrEqual(run.exitedAt);
    expect(run.exitedAt).toBeLessThanOrEqual(run.seconds);
    expect(processExists(run.pid)).toBe(false);
  });

  it('adds the variables of env and removes the ones given as undefined', async () => {
    const given = await runExample(packageDir, 'report', { env: { BOOK_BASE_URL: 'http://x' } });
    expect(given.lines[2]).toBe('base http://x');
    process.env.BOOK_BASE_URL = 'http://inherited';
    try {
      const removed = await runExample(packageDir, 'report', { env: { BOOK_BASE_URL: undefined } });
      expect(removed.lines[2]).toBe('base none');
      const inherited = await runExample(packageDir, 'report');
      expect(inherited.lines[2]).toBe('base http://inherited');
    } finally {
      delete process.env.BOOK_BASE_URL;
    }
  });

  it('kills a program that outlives its limit with SIGKILL: code null, output kept', async () => {
    // The limit is a timer of this process started with the program: faked here, its clock moves
    // only once the program has printed `started` and said so on a connection (runExample shows
    // nothing before the end), however slowly it started under load. Without the limit passed on,
    // the run would end only at the default 50 s, past the test's timeout.
    const ready = createServer();
    ready.listen(0, '127.0.0.1');
    await once(ready, 'listening');
    const { port } = ready.address() as AddressInfo;
    let socket: Socket | undefined;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const pending = runExample(packageDir, 'hang-ready', {
        limitSeconds: 0.5,
        env: { READY_PORT: String(port) },
      });
      [socket] = (await once(ready, 'connection')) as [Socket];
      vi.advanceTimersByTime(500);
      const run = await pending;
      expect(run.code).toBeNull();
      expect(run.lines).toEqual(['started']);
    } finally {
      vi.useRealTimers();
      socket?.destroy();
      ready.close();
    }
  });

  it('answers on stdin once the output contains afterOutput, then closes it', async () => {
    const run = await runExample(packageDir, 'prompt', {
      answer: { text: 'yes\n', afterOutput: 'Type something' },
      limitSeconds: 10,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Type something: got "yes\\n"\n');
  });

  it('closes stdin at once without an answer, so a program reading it ends', async () => {
    const run = await runExample(packageDir, 'prompt', { limitSeconds: 10 });
    expect(run.code).toBe(0);
    expect(run.lines).toEqual(['Type something: got ""']);
  });

  it('rejects when the program cannot be started at all', async () => {
    await expect(runExample(join(packageDir, 'missing'), 'report')).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});
