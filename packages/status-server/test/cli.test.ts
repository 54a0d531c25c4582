import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { packageDirOf, runExample } from '@mc/testing';
import { Agent, request } from 'undici';
import { describe, expect, it } from 'vitest';
import { startStatusServer } from '../src/index.js';

const PACKAGE = packageDirOf(import.meta.url);
const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const USAGE =
  'usage: status-server [--port 0..65535 (default 0: a free port)] [--host ADDRESS (default 127.0.0.1)] [--latency 0..300000 ms (default 250)]';

/** Starts the CLI and resolves with its first stdout line, the one announcing the URL. */
async function startCli(args: string[]): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.setEncoding('utf8');
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: string) => {
      output += chunk;
      const end = output.indexOf('\n');
      if (end !== -1) resolve(output.slice(0, end));
    });
    child.once('exit', (code) => reject(new Error(`the CLI exited with ${code} before printing`)));
  });
  return { child, line };
}

/** Runs the CLI to its end: its exit status and what it printed. */
async function runCli(args: string[]) {
  const { code, stdout, stderr } = await runExample(PACKAGE, 'cli', { args });
  return { code, stdout, stderr };
}

describe('status-server CLI', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'prints one line with the URL, answers, and stops on %s',
    async (signal) => {
      const { child, line } = await startCli(['--port', '0', '--latency', '0']);
      const match =
        /^status-server listening on (http:\/\/127\.0\.0\.1:\d+) \(latency 0 ms, time scale [\d.]+\); Ctrl\+C stops it$/.exec(
          line,
        );
      expect(match).not.toBeNull();
      const client = new Agent();
      const response = await request(`${match?.[1]}/524`, { dispatcher: client });
      expect(await response.body.text()).toBe('524 A Timeout Occurred');
      await client.close();

      const exited = once(child, 'exit');
      child.kill(signal);
      expect(await exited).toEqual([0, null]);
    },
  );

  it('stops with status 0 on a signal sent the moment it says it listens (6 starts, SIGINT and SIGTERM in turn)', async () => {
    const starts = Array.from({ length: 6 }, async (_, start) => {
      const { child } = await startCli(['--port', '0']);
      const exited = once(child, 'exit');
      child.kill(start % 2 ? 'SIGTERM' : 'SIGINT');
      return exited;
    });
    for (const exited of await Promise.all(starts)) expect(exited).toEqual([0, null]);
  });

  it('stops at once on a signal even with a request sleeping', async () => {
    const { child, line } = await startCli(['--latency', '0']);
    const url = line.split(' ')[3];
    const client = new Agent();
    const pending = request(`${url}/200?sleep=300000`, { dispatcher: client }).then(
      () => 'answered',
      (error: { code: string }) => error.code,
    );
    // The server answers `/` after the sleeping request arrived on its own connection, so by the
    // time this answer is back the server has accepted the sleeping request too.
    const home = await request(`${url}/`, { dispatcher: client });
    await home.body.text();
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    expect(await exited).toEqual([0, null]);
    expect(await pending).toBe('UND_ERR_SOCKET');
    await client.close();
  });

  it.each([
    [['--port', 'x'], "--port must be a whole number from 0 to 65535, got 'x'"],
    [['--port', '65536'], "--port must be a whole number from 0 to 65535, got '65536'"],
    [['--latency', '-5'], "option --latency needs a value (for one that starts with '-'"],
    [['--latency=-5'], "--latency must be a whole number from 0 to 300000, got '-5'"],
    [['--latency', '1.5'], "--latency must be a whole number from 0 to 300000, got '1.5'"],
    [['--host', ''], '--host must not be empty'],
    [['--bogus'], "unknown option '--bogus'"],
    [['extra'], "unexpected argument 'extra'"],
  ])('refuses %j with one line saying what is allowed and exit 2', async (args, problem) => {
    const { code, stdout, stderr } = await runCli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.endsWith('\n')).toBe(true);
    expect(stderr.trimEnd()).not.toContain('\n');
    expect(stderr).toContain(`status-server: ${problem}`);
    expect(stderr).toContain(USAGE);
  });

  it('prints the usage on --help and exits 0', async () => {
    expect(await runCli(['--help'])).toEqual({ code: 0, stdout: `${USAGE}\n`, stderr: '' });
  });

  it('says in one line why it cannot start when the port is taken, and exits 1', async () => {
    await using taken = await startStatusServer({ latencyMs: 0 });
    const { code, stderr } = await runCli(['--port', String(taken.port)]);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `status-server: cannot listen on 127.0.0.1:${taken.port}: address already in use (EADDRINUSE)\n`,
    );
  });
});
