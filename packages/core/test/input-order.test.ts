import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('input and the tasks queued before it', () => {
  const fixture = fileURLToPath(new URL('./fixtures/input-after-tasks.mjs', import.meta.url));

  it('lets a task started before the prompt run before the answer is read, even one already typed', () => {
    // As a Python thread started before input() runs while input() waits, however fast the
    // answer comes. Here the answer is in the pipe before the program starts.
    for (let i = 0; i < 5; i++) {
      const result = spawnSync(process.execPath, [fixture], {
        input: 'hello\n',
        encoding: 'utf8',
        timeout: 10_000,
      });
      expect(result.stdout).toBe('Say something: \ntask ran\ngot hello\n');
    }
  });
});
