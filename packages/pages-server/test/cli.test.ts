import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { packageDirOf, runExample } from '@mc/testing';
import { describe, expect, it } from 'vitest';

const PACKAGE = packageDirOf(import.meta.url);
const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

describe('pages-server CLI', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'prints its URL, serves, and stops on %s with status 0',
    async (signal) => {
      const child = spawn(process.execPath, [CLI, '--port', '0'], {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, BOOK_TIME_SCALE: '0' },
      });
      const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
      const match = /^pages-server listening on (http:\/\/127\.0\.0\.1:\d+) \(time scale 0\)/.exec(
        chunk.toString(),
      );
      expect(match).not.toBeNull();
      expect((await fetch(`${match?.[1]}/python.org/`)).status).toBe(200);
      const exited = once(child, 'exit');
      child.kill(signal);
      expect(await exited).toEqual([0, null]);
    },
  );

  it('stops with status 0 on a signal sent the moment it says it listens (6 starts, SIGINT and SIGTERM in turn)', async () => {
    const starts = Array.from({ length: 6 }, async (_, start) => {
      const child = spawn(process.execPath, [CLI, '--port', '0'], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await once(child.stdout, 'data');
      const exited = once(child, 'exit');
      child.kill(start % 2 ? 'SIGTERM' : 'SIGINT');
      return exited;
    });
    for (const exited of await Promise.all(starts)) expect(exited).toEqual([0, null]);
  });

  it('a bad option: one line, status 2', async () => {
    const run = await runExample(PACKAGE, 'cli', { args: ['--port', 'x'] });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
