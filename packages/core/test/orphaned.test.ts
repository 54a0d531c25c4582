import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { gone } from './gone.js';

const fixture = fileURLToPath(new URL('./fixtures/orphaned.mjs', import.meta.url));

describe('a child whose parent is killed', () => {
  it('exits quietly, even when its message to the parent meets the closed channel (EPIPE)', async () => {
    const parent = spawn(process.execPath, [fixture], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    parent.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
    });
    // The child's stdout and stderr are the parent's: they close when both have exited.
    const closed = new Promise((resolve) => parent.stderr.once('close', resolve));
    const child = await new Promise<number>((resolve) =>
      parent.stdout.setEncoding('utf8').once('data', (line: string) => resolve(Number(line))),
    );
    // The child is busy importing for 500 ms: the parent dies while it cannot notice.
    parent.kill('SIGKILL');
    expect(await gone(child)).toBe(true);
    await closed;
    expect(stderr).toBe('');
  });
});
